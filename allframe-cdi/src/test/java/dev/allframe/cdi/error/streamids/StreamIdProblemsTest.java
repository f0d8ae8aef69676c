package dev.allframe.cdi.error.streamids;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.cdi.Deployments;
import org.junit.jupiter.api.Test;

class StreamIdProblemsTest {

    @Test
    void commandsWithoutAUsableStreamIdAreReported() {
        assertThat(Deployments.failure(StreamIdHandlers.class).problems()).map(String::valueOf).containsExactly(
                "AF1009: Command type dev.allframe.cdi.error.streamids.TwoIds marks 2 members with @StreamId, it"
                        + " needs at most one: dev.allframe.cdi.error.streamids.TwoIds.accountId,"
                        + " dev.allframe.cdi.error.streamids.TwoIds.otherId",
                "AF1023: @StreamId member dev.allframe.cdi.error.streamids.BadIdMethod.shared must be an instance"
                        + " field or a method without parameters returning a value",
                "AF1023: @StreamId member dev.allframe.cdi.error.streamids.BadIdMethod#idFor(String) must be an"
                        + " instance field or a method without parameters returning a value",
                "AF1005: @CommandHandler method dev.allframe.cdi.error.streamids.StreamIdHandlers#stateful(Unidentified,"
                        + " Balance) takes an aggregate state, but command type"
                        + " dev.allframe.cdi.error.streamids.Unidentified has no @StreamId member to load it from");
    }

    @Test
    void aStatelessHandlerReturningEventsNeedsAStreamId() {
        assertThat(Deployments.failure(StatelessAppender.class).problems()).map(String::valueOf).containsExactly(
                "AF1017: @CommandHandler method dev.allframe.cdi.error.streamids.StatelessAppender#appendsSomewhere(Note)"
                        + " appends events, but command type dev.allframe.cdi.error.streamids.StatelessAppender$Note has"
                        + " no @StreamId member naming the stream");
    }
}
