package org.majordome.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;

/**
 * The web chat's page in one {@link Browser}, as a visitor uses it: choose a room by its name, type a nickname,
 * send to the room or to one occupant, read the log, the people list and the notices. Every element is found by its
 * role and accessible name, its label or its text, as a person or a screen reader finds it; never by CSS path.
 */
public final class ChatPage {

    /** A bound on every wait: the machine is shared and loaded; a passing test waits no longer. */
    public static final Duration WAIT = Duration.ofSeconds(60);

    private final Browser browser;
    private final URI page;

    private ChatPage(Browser browser, URI page) {
        this.browser = browser;
        this.page = page;
    }

    /**
     * Opens the chat page ({@code /chat/} of the bot's web server at {@code base}) in {@code browser}. What a page
     * of an earlier test logged (a browser is shared by a class's tests, and its page reloads the rooms when the
     * bot that served it stops) is left behind first, so that {@link #consoleErrors()} speaks of this page only.
     */
    public static ChatPage open(Browser browser, URI base) {
        URI page = base.resolve("/chat/");
        browser.open(URI.create("about:blank"));
        browser.console();
        browser.open(page);
        return new ChatPage(browser, page);
    }

    public Browser browser() {
        return browser;
    }

    /** Loads the page again, as a visitor coming back later does (the browser keeps its cookies). */
    public ChatPage reload() {
        browser.open(page);
        return this;
    }

    /** Chooses the room whose name starts with {@code roomTitle}, types {@code nick} and enters. */
    public ChatPage enter(String roomTitle, String nick) {
        browser.byRole("radio", name -> name.startsWith(roomTitle + " ("), "starting with '" + roomTitle + " ('")
                .click();
        WebElement field = browser.field("Nickname");
        field.clear();
        field.sendKeys(nick);
        browser.byRole("button", "Enter the room").click();
        return this;
    }

    /** Waits until the visitor is in the room (the message log is shown). */
    public ChatPage awaitInRoom() {
        browser.byRole("log", "Messages");
        return this;
    }

    /** Sends {@code text} to everyone in the room. */
    public ChatPage say(String text) {
        to("Everyone in the room");
        send(text);
        return this;
    }

    /** Sends {@code text} to {@code nick} only, chosen in the "To" list. */
    public ChatPage sayPrivately(String nick, String text) {
        to("Only " + nick + " (private)");
        send(text);
        return this;
    }

    private void to(String option) {
        WebElement recipient = browser.field("To");
        WebElement choice = await("the option '" + option + "'").atMost(WAIT).ignoreExceptions()
                .until(() -> recipient.findElements(By.tagName("option")).stream()
                        .filter(candidate -> option.equals(Browser.text(candidate))).findFirst().orElse(null),
                        found -> found != null);
        choice.click();
    }

    private void send(String text) {
        WebElement message = browser.field("Message");
        message.sendKeys(text);
        browser.byRole("button", "Send").click();
    }

    /** The message log's text, as shown. */
    public String log() {
        return Browser.text(browser.byRole("log", "Messages"));
    }

    /** Waits until the log shows a line containing {@code text}; returns the log. */
    public String awaitInLog(String text) {
        return await("the log to show '" + abbreviated(text) + "'").atMost(WAIT).ignoreExceptions()
                .until(this::log, log -> log.contains(text));
    }

    /** The people list's text ("People here (n)" and each occupant with their role). */
    public String people() {
        return Browser.text(browser.byRole("complementary", name -> name.startsWith("People here"), "People here"));
    }

    /** Waits until the people list satisfies {@code condition}; returns it. */
    public String awaitPeople(Predicate<String> condition) {
        return await("the people list").atMost(WAIT).ignoreExceptions().until(this::people, condition);
    }

    /** Waits for the notice (role alert) and returns its text. */
    public String awaitNotice(Predicate<String> condition) {
        return await("a notice").atMost(WAIT).ignoreExceptions()
                .until(() -> Browser.text(browser.byRole("alert", name -> true, "of any name")), condition);
    }

    /** Whether a JavaScript dialog is open (what {@code onerror=alert(1)} would have opened). */
    public boolean dialogOpen() {
        try {
            browser.driver().switchTo().alert();
            return true;
        } catch (NoAlertPresentException none) {
            return false;
        }
    }

    /** How many elements of these tag names the page has (markup from XMPP would make some). */
    public long elements(String tags) {
        return (Long) browser.script("return document.querySelectorAll(arguments[0]).length", tags);
    }

    /** Whether the page is no wider than the window (a huge string is wrapped, not overflowing). */
    public boolean fitsTheWindow() {
        return Boolean.TRUE.equals(browser.script("return document.documentElement.scrollWidth <= window.innerWidth"));
    }

    /** Saves a PNG of what the browser shows now. */
    public Path screenshot(Path file) throws Exception {
        byte[] png = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES);
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, png);
    }

    /** The browser console's errors (a CSP violation, a script error) since the last call. */
    public List<String> consoleErrors() {
        return browser.consoleErrors();
    }

    /** Fails unless the console is free of errors. */
    public void assertNoConsoleErrors() {
        assertThat(consoleErrors()).isEmpty();
    }

    private static String abbreviated(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…(" + text.length() + " chars)" : text;
    }
}
