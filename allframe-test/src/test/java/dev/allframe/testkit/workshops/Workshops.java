package dev.allframe.testkit.workshops;

import dev.allframe.Handlers;
import dev.allframe.command.Apply;
import dev.allframe.command.CommandHandler;
import dev.allframe.command.CommandRejectedException;
import dev.allframe.command.DecisionModel;
import dev.allframe.command.StreamId;
import dev.allframe.event.Tag;

/** Workshops with a number of places, booked by guests: decided over the workshop's bookings, across guests' streams. */
@Handlers
public class Workshops {

    public record Announce(@StreamId String workshopId, int places) {}

    public record Book(@StreamId String guest, @Tag("workshop") String workshopId) {}

    public record Announced(@Tag("workshop") String workshopId, int places) {}

    public record Booked(@Tag("workshop") String workshopId, @Tag("guest") String guest) {}

    @DecisionModel(tags = "workshop")
    public record Places(int places, int booked) {
        public Places() {
            this(0, 0);
        }

        @Apply
        Places on(Announced announced) {
            return new Places(announced.places(), booked);
        }

        @Apply
        Places on(Booked booking) {
            return new Places(places, booked + 1);
        }
    }

    @CommandHandler(createsStream = true)
    Announced announce(Announce command) {
        return new Announced(command.workshopId(), command.places());
    }

    @CommandHandler
    Booked book(Book command, Places places) {
        if (places.booked() >= places.places()) {
            throw new CommandRejectedException("workshop " + command.workshopId() + " is full");
        }
        return new Booked(command.workshopId(), command.guest());
    }
}
