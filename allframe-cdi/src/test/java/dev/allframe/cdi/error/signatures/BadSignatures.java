package dev.allframe.cdi.error.signatures;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;
import dev.allframe.query.QueryHandler;
import java.util.concurrent.CompletableFuture;

@Handlers
public class BadSignatures {

    @CommandHandler
    void nothing() {
    }

    @CommandHandler
    void tooMany(Ping ping, Object state, String extra) {
    }

    @CommandHandler
    int number(Ping ping) {
        return 1;
    }

    @CommandHandler
    CompletableFuture<Object> later(Ping ping) {
        return null;
    }

    @CommandHandler
    private void hidden(Ping ping) {
    }

    @CommandHandler
    static void shared(Ping ping) {
    }

    @CommandHandler
    <T> void generic(Ping ping) {
    }

    @CommandHandler
    void text(String command) {
    }

    @CommandHandler
    void anyRunnable(Runnable command) {
    }

    @QueryHandler
    String twoQueries(Ping ping, Ping other) {
        return "";
    }

    @QueryHandler
    void noAnswer(Ping ping) {
    }
}
