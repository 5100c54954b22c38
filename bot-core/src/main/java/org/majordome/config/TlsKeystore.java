package org.majordome.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A PKCS#12 keystore holding the certificate chain and private key a server presents ({@code web.tls}).
 *
 * @param keystore the {@code .p12} file
 * @param password the password that opens it and its key
 */
public record TlsKeystore(Path keystore, Secret password) {
    public TlsKeystore {
        Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(password, "password");
    }
}
