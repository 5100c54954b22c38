package org.majordome.api.storage;

/**
 * One storage namespace. Each single call commits on its own; use {@link #transaction} to group calls.
 */
public interface KeyValueStore extends StorageOperations {

    /**
     * Runs {@code action} in one transaction of this namespace and commits it when {@code action}
     * returns. If {@code action} throws, nothing it wrote is kept and the exception propagates.
     *
     * <p>Transactions of the whole bot run one at a time, so keep them short: no network calls or
     * waiting inside. A transaction started inside another one (on the same thread) joins it. The
     * {@link Transaction} is only valid inside {@code action}.
     */
    void transaction(TransactionAction action);

    /** Like {@link #transaction(TransactionAction)}, returning what {@code work} returns. */
    <T> T transactionResult(TransactionWork<T> work);
}
