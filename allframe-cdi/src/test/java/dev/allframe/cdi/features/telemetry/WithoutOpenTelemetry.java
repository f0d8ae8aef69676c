package dev.allframe.cdi.features.telemetry;

import dev.allframe.bank.AccountCommands;
import dev.allframe.bank.AccountQueries;
import dev.allframe.bank.OpenAccount;
import dev.allframe.cdi.Deployments;
import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandResult;
import dev.allframe.testing.JavaSeProcess;
import org.jboss.weld.environment.se.WeldContainer;

/** An application on a class path without OpenTelemetry: it dispatches a command and prints its event's metadata. */
public final class WithoutOpenTelemetry {

    private WithoutOpenTelemetry() {
    }

    public static void main(String[] args) {
        JavaSeProcess.report(() -> {
            try (WeldContainer container = Deployments.weld(AccountCommands.class, AccountQueries.class)
                    .initialize()) {
                CommandResult opened = container.select(CommandBus.class).get()
                        .dispatch(new OpenAccount("A-1", "Ada"));
                System.out.println("metadata " + opened.events().get(0).metadata());
            }
        });
    }
}
