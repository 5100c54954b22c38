package org.majordome.api.storage;

/** The body of a transaction that returns a result. */
@FunctionalInterface
public interface TransactionWork<T> {
    T run(Transaction tx);
}
