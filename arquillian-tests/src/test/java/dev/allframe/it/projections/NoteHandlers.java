package dev.allframe.it.projections;

import dev.allframe.command.CommandHandler;
import dev.allframe.Handlers;

@Handlers
public class NoteHandlers {

    @CommandHandler
    Noted note(Note note) {
        return new Noted(note.board(), note.text());
    }
}
