package org.majordome.store;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.majordome.api.storage.KeyValueStore;
import org.majordome.api.storage.TransactionAction;
import org.majordome.api.storage.TransactionWork;

/** A namespace whose every call is its own transaction (or joins the caller's). */
class NamespaceStore implements KeyValueStore {

    final Namespace namespace;
    final TransactionRunner runner;

    NamespaceStore(Namespace namespace, TransactionRunner runner) {
        this.namespace = namespace;
        this.runner = runner;
    }

    @Override
    public Optional<String> get(String key) {
        return runner.read("get '" + key + "' of " + namespace, c -> namespace.get(c, key));
    }

    @Override
    public void put(String key, String value) {
        runner.inTransaction(namespace, "put '" + key + "' of " + namespace, c -> {
            namespace.put(c, key, value);
            runner.changed(namespace, key);
            return null;
        });
    }

    @Override
    public boolean delete(String key) {
        return runner.inTransaction(namespace, "delete '" + key + "' of " + namespace, c -> {
            boolean deleted = namespace.delete(c, key);
            if (deleted) {
                runner.changed(namespace, key);
            }
            return deleted;
        });
    }

    @Override
    public Map<String, String> entries(String prefix) {
        return java.util.Collections.unmodifiableSortedMap(
                runner.read("list '" + prefix + "*' of " + namespace, c -> namespace.entries(c, prefix)));
    }

    @Override
    public long increment(String key, long delta) {
        return runner.inTransaction(namespace, "increment '" + key + "' of " + namespace, c -> {
            long value = namespace.increment(c, key, delta);
            runner.changed(namespace, key);
            return value;
        });
    }

    @Override
    public long nextSequence(String name) {
        return runner.inTransaction(namespace, "next of sequence '" + name + "' of " + namespace,
                c -> namespace.nextSequence(c, name));
    }

    @Override
    public void transaction(TransactionAction action) {
        Objects.requireNonNull(action, "action");
        transactionResult(tx -> {
            action.run(tx);
            return null;
        });
    }

    @Override
    public <T> T transactionResult(TransactionWork<T> work) {
        Objects.requireNonNull(work, "work");
        return runner.inTransaction(namespace, "transaction of " + namespace, connection -> {
            JdbcTransaction tx = new JdbcTransaction(namespace, connection, runner);
            try {
                return work.run(tx);
            } finally {
                tx.end();
            }
        });
    }

    @Override
    public String toString() {
        return "storage of " + namespace;
    }
}
