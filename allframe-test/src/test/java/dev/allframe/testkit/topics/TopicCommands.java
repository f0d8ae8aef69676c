package dev.allframe.testkit.topics;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;
import dev.allframe.command.CommandRejectedException;

@Handlers
public class TopicCommands {

    @CommandHandler
    Subscribed subscribe(Subscribe command, Topic topic) {
        if (topic.emails.contains(command.email())) {
            throw new CommandRejectedException(command.email() + " is subscribed already");
        }
        return new Subscribed(command.topic(), command.email());
    }
}
