package dev.allframe.sample.bank.rest;

/** The account views did not reach a command's events in time: the command is stored, the answer would be stale. */
public class ViewsBehindException extends RuntimeException {

    private final long position;

    public ViewsBehindException(long position) {
        super("the account views have not reached position " + position);
        this.position = position;
    }

    public long position() {
        return position;
    }
}
