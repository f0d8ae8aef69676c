package dev.allframe.spi.event;

import java.util.OptionalLong;

/**
 * What must hold for an append to happen: nothing, the stream not existing yet, or the stream being at
 * an exact version.
 */
public sealed interface AppendCondition {

    /** Append whatever the stream's version. */
    static AppendCondition any() {
        return AnyVersion.INSTANCE;
    }

    /** Append only when the stream has no events yet. */
    static AppendCondition noStream() {
        return NoStream.INSTANCE;
    }

    /** Append only when the stream's version is {@code version} (0: no events yet). */
    static AppendCondition streamVersionEq(long version) {
        return version == 0 ? NoStream.INSTANCE : new StreamVersionEq(version);
    }

    /** Whether a stream at {@code currentVersion} satisfies the condition. */
    boolean acceptsVersion(long currentVersion);

    /** The version the condition expects; empty for {@link AnyVersion}, which expects none. */
    OptionalLong expectedVersion();

    /** No condition. */
    enum AnyVersion implements AppendCondition {
        INSTANCE;

        @Override
        public boolean acceptsVersion(long currentVersion) {
            return true;
        }

        @Override
        public OptionalLong expectedVersion() {
            return OptionalLong.empty();
        }
    }

    /** The stream must not exist (version 0). */
    enum NoStream implements AppendCondition {
        INSTANCE;

        @Override
        public boolean acceptsVersion(long currentVersion) {
            return currentVersion == 0;
        }

        @Override
        public OptionalLong expectedVersion() {
            return OptionalLong.of(0);
        }
    }

    /** The stream must be at exactly {@code version}. */
    record StreamVersionEq(long version) implements AppendCondition {

        public StreamVersionEq {
            if (version < 1) {
                throw new IllegalArgumentException("version must be 1 or more (use noStream() for 0): " + version);
            }
        }

        @Override
        public boolean acceptsVersion(long currentVersion) {
            return currentVersion == version;
        }

        @Override
        public OptionalLong expectedVersion() {
            return OptionalLong.of(version);
        }
    }
}
