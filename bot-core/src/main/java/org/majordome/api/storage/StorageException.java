package org.majordome.api.storage;

/** The database failed, or an entry does not hold what the caller asked for. */
public class StorageException extends RuntimeException {

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
