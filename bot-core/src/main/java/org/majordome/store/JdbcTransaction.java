package org.majordome.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

import org.majordome.api.storage.StorageException;
import org.majordome.api.storage.Transaction;

/** A namespace's operations on the connection of an open transaction. */
final class JdbcTransaction implements Transaction {

    private final Namespace namespace;
    private final Connection connection;
    private final TransactionRunner runner;
    private volatile boolean ended;

    JdbcTransaction(Namespace namespace, Connection connection, TransactionRunner runner) {
        this.namespace = namespace;
        this.connection = connection;
        this.runner = runner;
    }

    void end() {
        ended = true;
    }

    @Override
    public Optional<String> get(String key) {
        return call("get '" + key + "'", c -> namespace.get(c, key));
    }

    @Override
    public void put(String key, String value) {
        call("put '" + key + "'", c -> {
            namespace.put(c, key, value);
            runner.changed(namespace, key);
            return null;
        });
    }

    @Override
    public boolean delete(String key) {
        return call("delete '" + key + "'", c -> {
            boolean deleted = namespace.delete(c, key);
            if (deleted) {
                runner.changed(namespace, key);
            }
            return deleted;
        });
    }

    @Override
    public Map<String, String> entries(String prefix) {
        return Collections.unmodifiableSortedMap(
                call("list '" + prefix + "*'", c -> namespace.entries(c, prefix)));
    }

    @Override
    public long increment(String key, long delta) {
        return call("increment '" + key + "'", c -> {
            long value = namespace.increment(c, key, delta);
            runner.changed(namespace, key);
            return value;
        });
    }

    @Override
    public long nextSequence(String name) {
        return call("next of sequence '" + name + "'", c -> namespace.nextSequence(c, name));
    }

    private <T> T call(String what, TransactionRunner.ConnectionWork<T> work) {
        if (ended) {
            throw new IllegalStateException("the transaction of " + namespace
                    + " has ended; use the Transaction only inside its transaction body");
        }
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StorageException(what + " of " + namespace + " failed: " + e.getMessage(), e);
        }
    }
}
