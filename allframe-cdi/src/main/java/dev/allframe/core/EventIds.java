package dev.allframe.core;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Time-ordered UUIDs (version 7: 48 bits of Unix milliseconds, then random bits). They sort by creation
 * time, which keeps database indexes compact, and cost no {@code SecureRandom} call: event and command
 * ids identify, they do not protect.
 */
public final class EventIds {

    private EventIds() {
    }

    public static UUID next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long millis = System.currentTimeMillis();
        long high = (millis << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low);
    }
}
