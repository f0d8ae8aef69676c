package dev.allframe.cdi.error.javase;

import dev.allframe.cdi.Deployments;
import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandResult;
import dev.allframe.testing.JavaSeProcess;
import org.jboss.weld.environment.se.WeldContainer;

/** A Java SE application on the in-memory store that dispatches a command with a blank stream id. */
public final class JavaSeApplication {

    private JavaSeApplication() {
    }

    public static void main(String[] args) {
        JavaSeProcess.report(() -> {
            try (WeldContainer container = Deployments.weld(Registrations.class).initialize()) {
                CommandResult stored = container.select(CommandBus.class).get().dispatch(new Register(""));
                System.out.println("stored the command with a blank stream id at version " + stored.streamVersion());
            }
        });
    }
}
