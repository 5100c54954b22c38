package org.majordome.store;

import java.util.Optional;

/**
 * Storage writes done on behalf of a room's job by an instance of a cluster, fenced by the room's lease: while a
 * thread is inside {@link #enter}, each of its write transactions checks, as its last statement before the commit and
 * in the same transaction, that this instance still holds the room's lease and that it has not run out
 * ({@code TransactionRunner}); if not, the transaction is rolled back and the write fails.
 *
 * <p>Why: an instance frozen (SIGSTOP, a long pause) in the middle of a room's job finishes it when it resumes; its
 * room actions are fenced by its own clock ({@code org.majordome.cluster}), but by then another instance may have
 * taken the room over and carried the same job out: without this check, the frozen one's writes would land after the
 * new holder's. The check locks the lease row ({@code FOR SHARE}) until the commit, so a takeover waits for a write
 * that passed the check, and a write never passes it once the room was taken over.
 */
public final class LeaseFence {

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private LeaseFence() {
    }

    /**
     * From now until the scope is closed, this thread's writes are fenced by {@code instance}'s lease of {@code room}.
     *
     * @param instance this instance's name in the cluster, the holder on its leases
     * @param room     the room's bare JID, as the lease table has it (compared ignoring case)
     */
    public static Scope enter(String instance, String room) {
        Scope scope = new Scope(instance, room, CURRENT.get());
        CURRENT.set(scope);
        return scope;
    }

    static Optional<Scope> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** A fenced stretch of a thread's work; close it on the same thread. */
    public static final class Scope implements AutoCloseable {

        private final String instance;
        private final String room;
        private final Scope outer;
        private volatile boolean refused;

        private Scope(String instance, String room, Scope outer) {
            this.instance = instance;
            this.room = room;
            this.outer = outer;
        }

        String instance() {
            return instance;
        }

        String room() {
            return room;
        }

        void refuse() {
            refused = true;
        }

        /** Whether a write was refused in this scope: the room is another instance's now. */
        public boolean refused() {
            return refused;
        }

        @Override
        public void close() {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
        }
    }
}
