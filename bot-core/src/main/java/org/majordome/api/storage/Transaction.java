package org.majordome.api.storage;

/**
 * The operations of a namespace inside one transaction: what they write becomes visible to others, and
 * durable, only when the transaction commits. Using it after its transaction ended throws
 * {@link IllegalStateException}.
 */
public interface Transaction extends StorageOperations { }
