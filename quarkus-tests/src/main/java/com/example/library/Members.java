package com.example.library;

import dev.allframe.Handlers;
import dev.allframe.command.Apply;
import dev.allframe.command.CommandHandler;
import dev.allframe.command.CommandRejectedException;
import dev.allframe.command.DecisionModel;
import dev.allframe.command.StreamId;
import dev.allframe.event.Tag;

/** Members join with a library card whose number no other member has: decided over the card's events. */
@Handlers
public class Members {

    public record Join(@StreamId String memberId, @Tag("card") String cardNumber) {}

    public record Joined(String memberId, @Tag("card") String cardNumber) {}

    @DecisionModel(tags = "card")
    public record Card(String holder) {
        public Card() {
            this(null);
        }

        @Apply
        Card on(Joined joined) {
            return new Card(joined.memberId());
        }
    }

    @CommandHandler(createsStream = true)
    Joined join(Join command, Card card) {
        if (card.holder() != null) {
            throw new CommandRejectedException("card " + command.cardNumber() + " is held by " + card.holder());
        }
        return new Joined(command.memberId(), command.cardNumber());
    }
}
