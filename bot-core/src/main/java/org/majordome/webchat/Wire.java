package org.majordome.webchat;

/** The visitor's socket as the gateway writes to it (a Jetty WebSocket session; a list in unit tests). */
interface Wire {

    /** Writes one text frame; blocks until it is written (on the visitor's own writer thread). */
    void send(String text) throws Exception;

    /** Closes the socket with a WebSocket status code (RFC 6455 §7.4) and a reason. */
    void close(int status, String reason);
}
