package org.majordome.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;

/** What every throwaway server needs from the machine: ports, processes, files, executables. */
final class LocalServers {

    static final String LOOPBACK = "127.0.0.1";
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(120);

    private static final AtomicInteger ROOM_COUNTER = new AtomicInteger();

    private LocalServers() {
    }

    static EntityBareJid uniqueRoom(String hint, String mucService) {
        String local = hint.toLowerCase().replaceAll("[^a-z0-9-]", "-") + "-" + ROOM_COUNTER.incrementAndGet()
                + "-" + Long.toString(System.nanoTime() & 0xffffff, 36);
        try {
            return JidCreate.entityBareFrom(local + "@" + mucService);
        } catch (XmppStringprepException e) {
            throw new IllegalArgumentException("room hint gives no valid JID: " + hint, e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + LOOPBACK, e);
        }
    }

    static boolean acceptsConnections(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port), 200);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    static Path createDirectory(String prefix, String... children) {
        try {
            Path directory = Files.createTempDirectory(prefix);
            for (String child : children) {
                Files.createDirectories(directory.resolve(child));
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a directory for a test server", e);
        }
    }

    static void killProcessTree(ProcessHandle root, List<ProcessHandle> descendants) {
        Stream.concat(Stream.of(root), descendants.stream()).forEach(ProcessHandle::destroyForcibly);
        Stream.concat(Stream.of(root), descendants.stream()).forEach(handle -> waitForExit(handle, STOP_TIMEOUT));
    }

    static boolean waitForExit(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void waitForExit(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // Still alive after SIGKILL means something outside our control (e.g. uninterruptible I/O);
            // the caller's next start on this port will report it.
        }
    }

    /** Runs a command to its end; its output, or an exception with the output when it fails. */
    static String run(List<String> command, Path directory, Map<String, String> environment) {
        Result result = runForResult(command, directory, environment);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("`" + String.join(" ", command) + "` failed with code "
                    + result.exitCode() + ":\n" + result.output());
        }
        return result.output();
    }

    static Result runForResult(List<String> command, Path directory, Map<String, String> environment) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process child = builder.start();
            child.getOutputStream().close();
            String output = new String(child.getInputStream().readAllBytes(), UTF_8);
            if (!waitForExit(child, COMMAND_TIMEOUT)) {
                child.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            return new Result(child.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        }
    }

    record Result(int exitCode, String output) {
    }

    static void appendToLog(Path logFile, String line) {
        try {
            Files.writeString(logFile, line + "\n", UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String logTail(Path logFile, int lines) {
        try {
            if (!Files.exists(logFile)) {
                return "(no log yet)";
            }
            List<String> all = new String(Files.readAllBytes(logFile), UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /** On the search path, else in the directory Debian's package installs to; else the install hint. */
    static Path findExecutable(String name, String searchPath, Path packageDirectory, String installHint) {
        return executableOn(searchPath, name)
                .or(() -> Optional.of(packageDirectory.resolve(name)).filter(Files::isExecutable))
                .orElseThrow(() -> new IllegalStateException(installHint + " (`" + name + "` not found)"));
    }

    static Optional<Path> executableOnPath(String name) {
        return executableOn(searchPath(), name);
    }

    static String searchPath() {
        return System.getenv().getOrDefault("PATH", "");
    }

    private static Optional<Path> executableOn(String searchPath, String name) {
        return Arrays.stream(searchPath.split(":"))
                .filter(entry -> !entry.isEmpty())
                .map(entry -> Path.of(entry, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /**
     * A self-signed certificate for localhost and its MUC service, so that the server offers STARTTLS as a
     * real server does. Without openssl the server simply offers no TLS.
     */
    static Optional<Path> generateCertificate(Path certs, String domain, String mucService) {
        Path key = certs.resolve(domain + ".key");
        Path cert = certs.resolve(domain + ".crt");
        Optional<Path> openssl = executableOnPath("openssl");
        if (openssl.isEmpty()) {
            return Optional.empty();
        }
        run(List.of(openssl.get().toString(), "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:prime256v1", "-nodes", "-days", "3650", "-subj", "/CN=" + domain,
                "-addext", "subjectAltName=DNS:" + domain + ",DNS:" + mucService,
                "-keyout", key.toString(), "-out", cert.toString()), certs, Map.of());
        return Optional.of(cert);
    }

    /** Whether test servers' directories are kept for a post-mortem ({@code -Dmajordome.prosody.keep=true}). */
    static boolean keepDirectories() {
        return Boolean.getBoolean("majordome.prosody.keep") || Boolean.getBoolean("majordome.server.keep");
    }

    static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}
