package dev.allframe.cdi.error.versions;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;

/** Declares the newest versions the application writes. */
@Handlers
public class NewestClasses {

    @CommandHandler
    Gap3 gap(MakeGap command) {
        return null;
    }

    @CommandHandler
    Broken2 broken(Make command) {
        return null;
    }
}
