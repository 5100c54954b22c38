package org.majordome.config;

/** How the bot's stream reaches its server. */
public enum Transport {
    /** A client-to-server TCP connection (RFC 6120), usually port 5222, with STARTTLS. */
    TCP,
    /**
     * HTTP binding (BOSH, XEP-0124 and XEP-0206), for hosts where only HTTP(S) leaves the network: the stream
     * travels in HTTP requests to the server's BOSH URL, secured by https.
     */
    BOSH
}
