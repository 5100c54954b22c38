package org.majordome.webchat;

/** The visitor's socket as the gateway writes to it (a Jetty WebSocket session; a list in unit tests). */
interface Wire {

    /** Told once a frame is written ({@code failure} null) or could not be (its cause). */
    @FunctionalInterface
    interface Written {
        void written(Throwable failure);
    }

    /**
     * Starts writing one text frame and returns without waiting for the browser; {@code done} is called once, on
     * whichever thread finishes the write (the caller's, when the socket took it at once).
     */
    void send(String text, Written done);

    /** Closes the socket with a WebSocket status code (RFC 6455 §7.4) and a reason. */
    void close(int status, String reason);
}
