package org.majordome.config;

/** How the client stream is secured. */
public enum TlsMode {
    /** STARTTLS must succeed, or the bot does not log in. */
    REQUIRED,
    /** STARTTLS when the server offers it, plain otherwise. */
    IF_POSSIBLE,
    /** Never TLS (loopback test servers only). */
    DISABLED
}
