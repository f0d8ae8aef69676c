package dev.allframe.jpa.javase;

import dev.allframe.cdi.AllFrameExtension;
import dev.allframe.command.CommandBus;
import dev.allframe.command.CommandResult;
import dev.allframe.jpa.cdi.Deposit;
import dev.allframe.jpa.cdi.WalletHandlers;
import dev.allframe.testing.JavaSeProcess;
import java.util.UUID;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * A Java SE application on the JPA store, configured with system properties: {@code allframe.event-store=jpa} and
 * the resource-local unit {@code allframe-standalone} (H2 in memory) of the tests' persistence.xml.
 */
public final class JavaSeStoreApplication {

    private JavaSeStoreApplication() {
    }

    public static void main(String[] args) {
        JavaSeProcess.report(() -> {
            Weld weld = new Weld(UUID.randomUUID().toString()).disableDiscovery()
                    .property("org.jboss.weld.construction.relaxed", false)
                    .addExtension(new AllFrameExtension()).addBeanClasses(WalletHandlers.class);
            try (WeldContainer container = weld.initialize()) {
                CommandResult stored = container.select(CommandBus.class).get().dispatch(new Deposit("w", 10));
                System.out.println("stored the deposit at version " + stored.streamVersion());
            }
        });
    }
}
