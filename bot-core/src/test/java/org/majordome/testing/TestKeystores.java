package org.majordome.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * PKCS#12 keystores for HTTPS tests, made by the running JDK's own {@code keytool}: a self-signed certificate for
 * {@code localhost} and {@code 127.0.0.1}, and a client context that trusts exactly that certificate.
 */
public final class TestKeystores {

    private TestKeystores() {
    }

    /** A new keystore at {@code file}, its store and key opened by {@code password}. */
    public static Path generate(Path file, String password) {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        LocalServers.run(List.of(keytool.toString(), "-genkeypair", "-alias", "web", "-keyalg", "EC", "-groupname",
                "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", file.toString(), "-storepass", password, "-keypass", password,
                "-noprompt"), file.toAbsolutePath().getParent(), Map.of());
        return file;
    }

    /** A TLS client context trusting the certificate of the keystore, and nothing else. */
    public static SSLContext trusting(Path keystore, String password) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + keystore, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unusable keystore " + keystore, e);
        }
    }
}
