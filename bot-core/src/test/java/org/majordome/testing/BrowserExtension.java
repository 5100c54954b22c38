package org.majordome.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium for the web pages' integration tests: Debian's {@code chromium}, driven through its
 * {@code chromedriver} (W3C WebDriver) by Selenium, started before a class's tests and stopped after them, like
 * the XMPP servers:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final BrowserExtension browsers = new BrowserExtension();
 *
 * @Test
 * void listsTheRooms() {
 *     Browser visitor = browsers.browser().open(url);
 *     visitor.byRole("radio", "Lobby (2 people here)").click();
 * }
 * }</pre>
 *
 * <p>{@link #browser()} is the class's first browser; {@link #open()} starts another one (another visitor: own
 * profile, own cookies). Each has a fresh profile in a temporary directory. Nothing leaves the machine: the
 * driver binary is given to Selenium (so Selenium Manager never looks for, nor downloads, one), Chromium's
 * background services are switched off as far as flags go, and every request not for loopback goes to a proxy
 * that refuses it and records it ({@link OutboundTrap}): any such attempt fails the class, except the few
 * Chromium makes on its own whatever the flags ({@link #BROWSER_OWN_HOSTS}), refused all the same. After the class, every browser quits, its
 * driver stops, and any of their processes still alive is killed.
 *
 * <p>Without Chromium or its driver the tests fail, saying how to install them: a green build must mean the pages
 * were tried in a real browser.
 */
public final class BrowserExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver,
        TestExecutionExceptionHandler {

    static final String INSTALL_HINT = "The browser tests need Debian's headless Chromium and its driver: install "
            + "them with `sudo apt-get install -y chromium chromium-driver`";

    /** Chromium's flags: headless, no sandbox (CI runs as root), and none of its own network traffic. */
    static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            // What Chromium still asks the network for otherwise (the trap saw each): network time, extension and
            // component updates, account sign-in, the default search engine's preconnect.
            "--disable-extensions", "--disable-component-extensions-with-background-pages", "--disable-default-apps",
            "--no-default-browser-check", "--disable-client-side-phishing-detection", "--metrics-recording-only",
            "--no-pings", "--disable-domain-reliability", "--dns-prefetch-disable", "--disable-breakpad",
            "--disable-field-trial-config", "--disable-search-engine-choice-screen",
            "--disable-features=Translate,MediaRouter,OptimizationHints,AutofillServerCommunication,"
                    + "NetworkTimeServiceQuerying,CertificateTransparencyComponentUpdater,"
                    + "OptimizationGuideModelDownloading,PreconnectToSearch,SignInProfileCreation,"
                    + "ChromeSigninIntercept,OmniboxOnFocusSuggestions,PrivacySandboxSettings4",
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1", "--window-size=1280,900");

    /**
     * Where Debian's Chromium 156 still connects at start despite the flags (its component updater and the
     * redirector it downloads through, which a class slowed down by a loaded machine lives long enough to reach;
     * account sign-in, the default search engine's preconnect): refused by the trap like everything else, so nothing
     * leaves, but not held against the tests, which did not ask for them. Any other host fails the class.
     */
    static final Set<String> BROWSER_OWN_HOSTS = Set.of("update.googleapis.com", "redirector.gvt1.com",
            "accounts.google.com", "clients2.google.com", "start.duckduckgo.com", "www.google.com",
            "clientservices.googleapis.com");

    private static final Duration PAGE_LOAD = Duration.ofSeconds(60);

    private final List<Browser> browsers = new ArrayList<>();
    private OutboundTrap trap;
    private Path chromium;
    private Path chromedriver;

    /** The class's first browser, started before its tests. */
    public synchronized Browser browser() {
        if (browsers.isEmpty()) {
            throw new IllegalStateException("no browser: register the extension as a static field with "
                    + "@RegisterExtension");
        }
        return browsers.getFirst();
    }

    /** Another browser: another visitor, with its own profile and cookies; it quits after the class. */
    public synchronized Browser open() {
        Path profile = createProfile();
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments(FLAGS);
        options.addArguments("--user-data-dir=" + profile, "--proxy-server=" + trap.proxy());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            killLeftovers(profile, service);
            throw e;
        }
        driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD).scriptTimeout(PAGE_LOAD);
        Browser browser = new Browser(driver, service, profile);
        browsers.add(browser);
        return browser;
    }

    /** Quits one browser before the class ends (a visitor who goes away); its processes are gone on return. */
    public synchronized void close(Browser browser) {
        if (browsers.remove(browser)) {
            try {
                browser.quit();
            } finally {
                killLeftovers(browser.profile(), browser.service());
                LocalServers.deleteRecursively(browser.profile());
            }
        }
    }

    /**
     * The requests the browsers sent towards the network so far, which are then forgotten: for the harness's own
     * test, which makes one on purpose. Any other such request fails the class after its tests.
     */
    public List<String> takeOutboundAttempts() {
        return trap.take();
    }

    @Override
    public synchronized void beforeAll(ExtensionContext context) {
        chromium = findExecutable("chromium", LocalServers.searchPath(), Path.of("/usr/bin"));
        chromedriver = findExecutable("chromedriver", LocalServers.searchPath(), Path.of("/usr/bin"));
        trap = new OutboundTrap();
        open();
    }

    @Override
    public synchronized void afterAll(ExtensionContext context) {
        List<String> attempts;
        try {
            for (Browser browser : List.copyOf(browsers)) {
                close(browser);
            }
        } finally {
            browsers.clear();
            attempts = trap == null ? List.of() : trap.attempts();
            if (trap != null) {
                trap.close();
            }
        }
        List<String> asked = attempts.stream().filter(attempt -> !isBrowserOwn(attempt)).toList();
        if (!asked.isEmpty()) {
            throw new AssertionError("the pages tried to reach the network, which they must never need (all "
                    + "their assets come from the bot): " + asked);
        }
    }

    /** A failed test says what the browsers' consoles said, where a broken page usually explains itself. */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        List<Browser> open;
        synchronized (this) {
            open = List.copyOf(browsers);
        }
        for (int i = 0; i < open.size(); i++) {
            try {
                List<String> console = open.get(i).console();
                if (!console.isEmpty()) {
                    failure.addSuppressed(new AssertionError("console of browser " + (i + 1) + ":\n  "
                            + String.join("\n  ", console)));
                }
            } catch (RuntimeException unavailable) {
                failure.addSuppressed(unavailable);
            }
        }
        throw failure;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return browser();
    }

    /** Whether a request the trap refused is one of Chromium's own (see {@link #BROWSER_OWN_HOSTS}). */
    static boolean isBrowserOwn(String attempt) {
        String[] words = attempt.split(" ");
        if (words.length < 2) {
            return false;
        }
        String target = words[1].replaceFirst("^[a-z]+://", "");
        String host = target.replaceFirst("[:/].*$", "");
        return BROWSER_OWN_HOSTS.contains(host);
    }

    /** On the search path, else where Debian's package installs it; else a failure with the install command. */
    static Path findExecutable(String name, String searchPath, Path packageDirectory) {
        return LocalServers.findExecutable(name, searchPath, packageDirectory, INSTALL_HINT);
    }

    private static Path createProfile() {
        try {
            return Files.createTempDirectory("majordome-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a browser profile directory", e);
        }
    }

    /**
     * Kills what quitting left alive: this JVM's descendants that are this browser's Chromium (its command line
     * names the profile, unique to it) or its driver (its command line names the driver's port).
     */
    private static void killLeftovers(Path profile, ChromeDriverService service) {
        String port = "--port=" + service.getUrl().getPort();
        List<ProcessHandle> leftovers = ProcessHandle.current().descendants()
                .filter(process -> process.info().commandLine()
                        .map(line -> line.contains(profile.toString()) || line.contains("chromedriver")
                                && line.contains(port))
                        .orElse(false))
                .flatMap(process -> java.util.stream.Stream.concat(java.util.stream.Stream.of(process),
                        process.descendants()))
                .distinct()
                .toList();
        if (!leftovers.isEmpty()) {
            leftovers.forEach(ProcessHandle::destroyForcibly);
            leftovers.forEach(process -> LocalServers.waitForExit(process, LocalServers.STOP_TIMEOUT));
        }
    }
}
