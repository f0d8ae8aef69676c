package dev.allframe.cdi.error.signatures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.allframe.cdi.Deployments;
import org.junit.jupiter.api.Test;

class BadSignaturesTest {

    private static final String SITE = "dev.allframe.cdi.error.signatures.BadSignatures#";

    @Test
    void everyBadSignatureIsReportedWithItsSite() {
        assertThat(Deployments.failure(BadSignatures.class).problems()).map(String::valueOf).containsExactly(
                "AF1013: @CommandHandler method " + SITE + "anyRunnable(Runnable) takes java.lang.Runnable as its"
                        + " message, but messages must be concrete application classes",
                "AF1012: @CommandHandler method " + SITE + "generic(Ping) must be an instance method that is neither"
                        + " private nor generic",
                "AF1012: @CommandHandler method " + SITE + "hidden(Ping) must be an instance method that is neither"
                        + " private nor generic",
                "AF1004: @CommandHandler method " + SITE + "later(Ping) must return void, a Collection of events or"
                        + " one event, but returns java.util.concurrent.CompletableFuture<java.lang.Object>",
                "AF1019: @QueryHandler method " + SITE + "noAnswer(Ping) must return the answer, but returns void",
                "AF1003: @CommandHandler method " + SITE + "nothing() must take the command and optionally the"
                        + " aggregate state (or decision models), but takes 0 parameters",
                "AF1004: @CommandHandler method " + SITE + "number(Ping) must return void, a Collection of events or"
                        + " one event, but returns int",
                "AF1012: @CommandHandler method " + SITE + "shared(Ping) must be an instance method that is neither"
                        + " private nor generic",
                "AF1013: @CommandHandler method " + SITE + "text(String) takes java.lang.String as its message, but"
                        + " messages must be concrete application classes",
                "AF1003: @CommandHandler method " + SITE + "tooMany(Ping, Object, String) must take the command and"
                        + " optionally the aggregate state (or decision models), but takes 3 parameters",
                "AF1018: @QueryHandler method " + SITE + "twoQueries(Ping, Ping) must take exactly one parameter, the"
                        + " query, but takes 2");
    }
}
