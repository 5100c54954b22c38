package org.majordome.console;

/** A page refuses a request: the console answers with this HTTP status and message (rendered as text). */
public final class ConsoleDenied extends Exception {

    private final int status;

    public ConsoleDenied(int status, String message) {
        super(message);
        this.status = status;
    }

    /** 403 for a room the operator may not manage, 404 for something that does not exist, 400 for a bad form. */
    public int status() {
        return status;
    }
}
