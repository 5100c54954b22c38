package org.majordome.testing;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * One headless Chromium (a visitor: its own profile, so its own cookies), found by what a person or a screen reader
 * perceives: elements by their accessibility role and accessible name as Chromium computes them (so a missing
 * label fails the test), or by their text; never by CSS path. Made by {@link BrowserExtension}.
 */
public final class Browser {

    /** How long an element may take to appear: a bound on the wait, not an expectation. */
    public static final Duration WAIT = Duration.ofSeconds(60);

    // The elements that may have a role, by role: Chromium then says which role and name each really has.
    private static final Map<String, String> CANDIDATES = Map.ofEntries(
            Map.entry("button", "button, [role=button], input[type=submit], input[type=button]"),
            Map.entry("textbox", "input:not([type]), input[type=text], input[type=search], textarea, [role=textbox]"),
            Map.entry("combobox", "select, [role=combobox]"),
            Map.entry("radio", "input[type=radio], [role=radio]"),
            Map.entry("checkbox", "input[type=checkbox], [role=checkbox]"),
            Map.entry("link", "a[href], [role=link]"),
            Map.entry("heading", "h1, h2, h3, h4, h5, h6, [role=heading]"),
            Map.entry("list", "ul, ol, [role=list]"),
            Map.entry("listitem", "li, [role=listitem]"),
            Map.entry("log", "[role=log]"),
            Map.entry("status", "[role=status], output"),
            Map.entry("alert", "[role=alert]"),
            Map.entry("region", "section, [role=region]"),
            Map.entry("complementary", "aside, [role=complementary]"),
            Map.entry("main", "main, [role=main]"),
            Map.entry("banner", "header, [role=banner]"),
            Map.entry("form", "form, [role=form]"),
            Map.entry("group", "fieldset, [role=group]"),
            Map.entry("navigation", "nav, [role=navigation]"),
            Map.entry("table", "table, [role=table]"),
            Map.entry("rowheader", "th[scope=row], [role=rowheader]"));

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final Path profile;

    Browser(ChromeDriver driver, ChromeDriverService service, Path profile) {
        this.driver = driver;
        this.service = service;
        this.profile = profile;
    }

    /** Selenium's driver, for what the helpers below do not cover. */
    public WebDriver driver() {
        return driver;
    }

    public Browser open(URI url) {
        driver.get(url.toString());
        return this;
    }

    /** The one visible element with this role and accessible name, once there is one. */
    public WebElement byRole(String role, String name) {
        return byRole(role, name::equals, "named '" + name + "'");
    }

    /** The one visible element with this role whose accessible name matches, once there is one. */
    public WebElement byRole(String role, Predicate<String> name, String description) {
        return await(role + " " + description).atMost(WAIT).ignoreExceptions()
                .until(() -> only(allByRole(driver, role).stream().filter(element -> element.isDisplayed()
                        && name.test(accessibleName(element))).toList()), Optional::isPresent).get();
    }

    /** The elements with this role under {@code within}, visible or not. */
    public List<WebElement> allByRole(SearchContext within, String role) {
        String candidates = CANDIDATES.get(role);
        if (candidates == null) {
            throw new IllegalArgumentException("no candidates known for role " + role + ": add them to " + CANDIDATES);
        }
        return within.findElements(By.cssSelector(candidates)).stream()
                .filter(element -> role.equals(element.getAriaRole()))
                .toList();
    }

    /** The form field a person finds by its label (a text box, a list to choose from, a radio button). */
    public WebElement field(String label) {
        return await("a field labelled '" + label + "'").atMost(WAIT).ignoreExceptions().until(() -> only(
                driver.findElements(By.cssSelector("input, select, textarea")).stream()
                        .filter(element -> element.isDisplayed() && label.equals(accessibleName(element))).toList()),
                Optional::isPresent).get();
    }

    /** The text a person sees in an element (normalized whitespace), as the browser renders it. */
    public static String text(WebElement element) {
        return element.getText().replaceAll("\\s+", " ").strip();
    }

    /** Chromium's accessible name of an element, as a screen reader announces it. */
    public static String accessibleName(WebElement element) {
        String name = element.getAccessibleName();
        return name == null ? "" : name.replaceAll("\\s+", " ").strip();
    }

    /** Types as a person does: the keys go to the focused element. */
    public Browser keys(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
        return this;
    }

    /** Shift+Tab: the focus goes back one element. */
    public Browser backTab() {
        new Actions(driver).keyDown(org.openqa.selenium.Keys.SHIFT).sendKeys(org.openqa.selenium.Keys.TAB)
                .keyUp(org.openqa.selenium.Keys.SHIFT).perform();
        return this;
    }

    /** The element that has the keyboard focus. */
    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    /** Runs a script in the page, for what a person could not check (which elements exist, whether a script ran). */
    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** The messages of the browser's console since the last call (errors such as CSP violations among them). */
    public List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(entry -> entry.getLevel() + " " + entry.getMessage()).toList();
    }

    /** The console's errors since the last call. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    Path profile() {
        return profile;
    }

    ChromeDriverService service() {
        return service;
    }

    void quit() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }

    private static Optional<WebElement> only(List<WebElement> found) {
        return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
    }
}
