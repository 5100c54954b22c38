package org.majordome.config;

import java.nio.file.Path;

/**
 * A PKCS#12 key store for the embedded server's HTTPS ({@code web.tls}).
 *
 * @param keystore the key store file
 * @param password its password
 */
public record TlsKeystore(Path keystore, Secret password) {
}
