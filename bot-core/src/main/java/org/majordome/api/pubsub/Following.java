package org.majordome.api.pubsub;

/** A node being followed; {@link #close()} stops the listener's calls (the subscription itself may stay). */
public interface Following extends AutoCloseable {

    /** The node followed. */
    NodeAddress node();

    /** Stops following: no listener call starts after this returns. */
    @Override
    void close();
}
