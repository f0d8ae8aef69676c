package dev.allframe.it.projections;

import dev.allframe.Handlers;
import dev.allframe.command.CommandHandler;

@Handlers
public class NoteHandlers {

    @CommandHandler
    Noted note(Note note) {
        return new Noted(note.board(), note.text());
    }
}
