package org.majordome.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.majordome.config.WebSettings;
import org.majordome.testing.Browser;
import org.majordome.testing.BrowserExtension;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The web chat's page in a real headless Chromium, against a scripted stand-in for the gateway
 * ({@link FakeChatApp}) on the real embedded server: the room list, entering a room with a nickname, history,
 * live messages, occupants and their roles, subject changes, joins and leaves, sending to the room and privately,
 * leaving; errors and removals in plain words; hostile markup, bidi controls and a 100 KB string rendered as text;
 * the keyboard alone; phone width. Elements are found as a person or a screen reader finds them: by role and
 * accessible name, or by text. The end-to-end tests with a real XMPP server come with the gateway.
 */
class ChatPageIT {

    @RegisterExtension
    static final BrowserExtension browsers = new BrowserExtension();

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final FakeChatApp chat = new FakeChatApp();
    private static WebServer server;

    private Browser visitor;

    @BeforeAll
    static void startServer() throws Exception {
        server = new WebServer(WebSettings.onLoopback(0), List.of(chat));
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @BeforeEach
    void openThePage() {
        chat.reset();
        visitor = browsers.browser();
        visitor.driver().manage().window().setSize(new Dimension(1280, 900));
        visitor.console();
        visitor.open(page());
    }

    private static URI page() {
        return server.url().resolve("/chat/");
    }

    @Test
    void theRoomListShowsEachRoomsTitleDescriptionSubjectAndHowManyArePresent() {
        WebElement lobby = visitor.byRole("radio", "Lobby (3 people here)");
        WebElement staff = visitor.byRole("radio", "Staff room (1 person here)");

        assertThat(lobby.getDomProperty("checked")).isEqualTo("false");
        assertThat(staff.isEnabled()).isTrue();
        WebElement rooms = visitor.byRole("group", "Rooms");
        assertThat(Browser.text(rooms)).contains("Where everyone meets").contains("Subject: Welcome to the club");
        assertThat(Browser.accessibleName(visitor.field("Nickname"))).isEqualTo("Nickname");
        assertThat(visitor.consoleErrors()).isEmpty();
    }

    @Test
    void enteringARoomShowsItsHistoryOccupantsWithRolesAndSubjectThenLiveEvents() {
        enter("Lobby (3 people here)", "vera");

        WebElement log = visitor.byRole("log", "Messages");
        await().atMost(WAIT).untilAsserted(() -> assertThat(Browser.text(log)).contains("alice: Welcome back, everyone"));
        WebElement people = visitor.byRole("complementary", "People here (3)");
        assertThat(Browser.text(people)).contains("alice (moderator)").contains("bob (participant)")
                .contains("vera (participant) (you)");
        assertThat(Browser.text(visitor.byRole("heading", "Lobby"))).isEqualTo("Lobby");
        assertThat(Browser.text(visitor.byRole("region", "Lobby"))).contains("Subject: Welcome to the club");

        chat.push(FakeChatApp.message("bob", "Hello vera!", false, false, false));
        chat.push(FakeChatApp.presence("carol", "visitor", true));
        chat.push(Map.of("type", "subject", "subject", "Tonight: the quiz", "by", "alice"));
        chat.push(FakeChatApp.presence("bob", "moderator", true));
        chat.push(FakeChatApp.presence("carol", "visitor", false));

        await().atMost(WAIT).untilAsserted(() -> assertThat(Browser.text(log))
                .contains("bob: Hello vera!")
                .contains("carol joined the room.")
                .contains("alice changed the subject to: Tonight: the quiz")
                .contains("bob is now moderator.")
                .contains("carol left the room."));
        assertThat(Browser.text(visitor.byRole("region", "Lobby"))).contains("Subject: Tonight: the quiz");
        assertThat(Browser.text(visitor.byRole("complementary", "People here (3)"))).contains("bob (moderator)")
                .doesNotContain("carol");
        assertThat(visitor.consoleErrors()).isEmpty();
    }

    @Test
    void theKeyboardAloneEntersSendsToTheRoomSendsPrivatelyAndLeaves() {
        visitor.keys(Keys.TAB);
        assertThat(Browser.accessibleName(visitor.focused())).isEqualTo("Skip to the chat");
        visitor.keys(Keys.TAB);
        assertThat(Browser.accessibleName(visitor.focused())).isEqualTo("Lobby (3 people here)");
        visitor.keys(Keys.SPACE, Keys.TAB);
        assertThat(Browser.accessibleName(visitor.focused())).isEqualTo("Nickname");
        visitor.keys("vera", Keys.ENTER);

        await().atMost(WAIT).untilAsserted(() -> assertThat(Browser.accessibleName(visitor.focused()))
                .isEqualTo("Message"));
        visitor.keys("Hello, room", Keys.ENTER);
        await().atMost(WAIT).untilAsserted(() -> assertThat(Browser.text(visitor.byRole("log", "Messages")))
                .contains("vera: Hello, room"));

        visitor.backTab();
        assertThat(Browser.accessibleName(visitor.focused())).isEqualTo("To");
        visitor.keys(Keys.DOWN);
        assertThat(visitor.focused().getDomProperty("value")).isEqualTo("alice");
        visitor.keys(Keys.TAB, "Just for you", Keys.ENTER);
        await().atMost(WAIT).untilAsserted(() -> assertThat(Browser.text(visitor.byRole("log", "Messages")))
                .contains("vera (private, to alice): Just for you"));

        visitor.keys(Keys.TAB, Keys.TAB, Keys.ENTER);
        visitor.byRole("heading", "Choose a room and a nickname");

        assertThat(chat.received()).extracting(message -> message.get("type")).containsExactly("join", "say",
                "private", "leave");
        assertThat(chat.received().get(0)).containsEntry("room", FakeChatApp.LOBBY).containsEntry("nick", "vera");
        assertThat(chat.received().get(1)).containsEntry("text", "Hello, room");
        assertThat(chat.received().get(2)).containsEntry("to", "alice").containsEntry("text", "Just for you");
    }

    @Test
    void hostileMarkupBidiControlsAndAHugeStringAreRenderedAsTextAndRunNothing() {
        String huge = "x".repeat(100 * 1024);
        String rtlNick = "\u202Eevil\u202C nick";
        chat.rooms(List.of(FakeChatApp.room(FakeChatApp.LOBBY, "<img src=x onerror=\"window.pwned='title'\">",
                "<script>window.pwned='description'</script>", "\u202Esubject", 1)));
        visitor.open(page());
        visitor.byRole("radio", name -> name.startsWith("<img src=x"), "starting with the hostile title").click();
        visitor.field("Nickname").sendKeys("vera", Keys.ENTER);
        WebElement log = visitor.byRole("log", "Messages");

        chat.push(FakeChatApp.message("mallory", "<img src=x onerror=\"window.pwned='message'\">", false, false, false));
        chat.push(FakeChatApp.message("mallory", "<script>window.pwned='script'</script><b>bold?</b>", false, false,
                false));
        chat.push(FakeChatApp.message(rtlNick, "\u202Edesrever\u202C \u2067isolated\u2069 end", false, false, false));
        chat.push(FakeChatApp.message("<i>nick</i>", huge, false, false, false));
        chat.push(Map.of("type", "subject", "subject", "<svg onload=\"window.pwned='subject'\">", "by", "<b>m</b>"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(Browser.text(log))
                .contains("mallory: <img src=x onerror=\"window.pwned='message'\">")
                .contains("mallory: <script>window.pwned='script'</script><b>bold?</b>")
                .contains("<i>nick</i>: xxxx")
                .contains("<b>m</b> changed the subject to: <svg onload=\"window.pwned='subject'\">"));
        assertThat(visitor.script("return window.pwned === undefined")).isEqualTo(true);
        assertThat(visitor.script("return document.querySelectorAll('img, svg, b, i, iframe, object').length"))
                .isEqualTo(0L);
        assertThat(visitor.script("return Array.from(document.scripts).map(s => s.getAttribute('src')).join(' ')"))
                .isEqualTo("assets/chat.js");
        // The whole 100 KB arrived as one text, wrapped: the page is no wider than the window.
        assertThat(visitor.script("return Math.max(...Array.from(document.querySelectorAll('.body'))"
                + ".map(e => e.textContent.length))")).isEqualTo((long) huge.length());
        assertThat(visitor.script("return document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
        // Nicks and texts are isolated, so a right-to-left override cannot reorder the words around them.
        assertThat(visitor.script("return Array.from(document.querySelectorAll('.message .nick'))"
                + ".every(e => e.tagName === 'BDI')")).isEqualTo(true);
        assertThat(visitor.script("return Array.from(document.querySelectorAll('.message .body'))"
                + ".every(e => e.dir === 'auto')")).isEqualTo(true);
        assertThat(visitor.script("return Array.from(document.querySelectorAll('.nick')).some(e => e.textContent === "
                + "arguments[0])", rtlNick)).isEqualTo(true);
        assertThat(visitor.consoleErrors()).isEmpty();
    }

    @Test
    void aKickIsShownWithWhoAndWhyAndTheVisitorMayChooseAgain() {
        enter("Lobby (3 people here)", "vera");
        visitor.byRole("log", "Messages");

        chat.push(Map.of("type", "removed", "how", "kicked", "by", "alice", "reason", "Please keep it civil"));

        WebElement alert = visitor.byRole("alert", name -> true, "of any name");
        assertThat(Browser.text(alert)).isEqualTo("You were removed (kicked) from the room Lobby by alice. Reason: "
                + "Please keep it civil. You may enter a room again.");
        assertThat(visitor.byRole("radio", "Lobby (3 people here)").isEnabled()).isTrue();
        assertThat(visitor.byRole("button", "Enter the room").isEnabled()).isTrue();
    }

    @Test
    void aBanIsShownWithItsReasonAndTheRoomIsNoLongerOffered() {
        enter("Lobby (3 people here)", "vera");
        visitor.byRole("log", "Messages");

        chat.push(Map.of("type", "removed", "how", "banned", "by", "alice", "reason", "Spam"));

        WebElement alert = visitor.byRole("alert", name -> true, "of any name");
        await().atMost(WAIT).untilAsserted(() -> assertThat(Browser.text(alert))
                .startsWith("You were banned from the room Lobby by alice. Reason: Spam.")
                .endsWith("You cannot enter it again."));
        assertThat(visitor.byRole("radio", "Lobby (3 people here, you are banned)").isEnabled()).isFalse();
    }

    @Test
    void aTakenNickIsRefusedInPlainWordsAndTheNicknameFieldHasTheFocus() {
        enter("Lobby (3 people here)", "taken");

        WebElement alert = visitor.byRole("alert", name -> true, "of any name");
        await().atMost(WAIT).untilAsserted(() -> assertThat(Browser.text(alert))
                .isEqualTo("Someone in this room already uses that nickname. Please choose another one."));
        assertThat(Browser.accessibleName(visitor.focused())).isEqualTo("Nickname");
    }

    @Test
    void anErrorInTheRoomIsShownAndTheUnsentTextIsGivenBack() {
        enter("Lobby (3 people here)", "vera");
        visitor.byRole("log", "Messages");
        chat.push(Map.of("type", "error", "code", "rate"));

        WebElement alert = visitor.byRole("alert", name -> true, "of any name");

        assertThat(Browser.text(alert)).isEqualTo("You are sending messages too fast. Please wait a moment and send "
                + "it again.");
    }

    @Test
    void atPhoneWidthThePageFitsAndThePeopleComeBelowTheMessages() {
        visitor.driver().manage().window().setSize(new Dimension(360, 740));
        enter("Lobby (3 people here)", "vera");
        WebElement log = visitor.byRole("log", "Messages");
        WebElement people = visitor.byRole("complementary", "People here (3)");
        chat.push(FakeChatApp.message("bob", "a-very-long-word-".repeat(40), false, false, false));

        await().atMost(WAIT).untilAsserted(() -> assertThat(Browser.text(log)).contains("a-very-long-word-"));
        assertThat(visitor.script("return document.documentElement.scrollWidth <= window.innerWidth")).isEqualTo(true);
        assertThat(people.getRect().getY()).isGreaterThanOrEqualTo(log.getRect().getY() + log.getRect().getHeight());
    }

    /**
     * Issue 20: the page's words were English whatever the room. Once a French room is chosen, the page speaks French:
     * its labels, buttons and headings, the people list, the events of the room, the page's language for screen
     * readers, and its status line.
     */
    @Test
    void aFrenchRoomsPageShowsFrenchLabels() {
        chat.rooms(List.of(FakeChatApp.room(FakeChatApp.LOBBY, "Lobby", "", "", 3),
                FakeChatApp.room("salon@conference.localhost", "Le Salon", "On parle français ici", "", 2, "fr")));
        visitor.open(page());

        enter("Le Salon (2 people here)", "vera");

        WebElement log = visitor.byRole("log", "Messages");
        assertThat(visitor.byRole("button", "Envoyer").isEnabled()).isTrue();
        visitor.byRole("button", "Quitter le salon");
        visitor.byRole("complementary", "Personnes présentes (3)");
        assertThat(Browser.accessibleName(visitor.field("À"))).isEqualTo("À");
        assertThat(Browser.accessibleName(visitor.field("Message"))).isEqualTo("Message");
        assertThat(visitor.script("return document.documentElement.lang")).isEqualTo("fr");
        assertThat(Browser.text(visitor.byRole("complementary", "Personnes présentes (3)")))
                .contains("vera (participant) (vous)").contains("alice (modérateur)");
        assertThat(Browser.text(visitor.driver().findElement(org.openqa.selenium.By.id("own-nick")).findElement(
                org.openqa.selenium.By.xpath(".."))).replace('\u00a0', ' ')).isEqualTo("Vous êtes vera.");

        chat.push(FakeChatApp.presence("carol", "visitor", true));
        chat.push(Map.of("type", "subject", "subject", "Ce soir : le quiz", "by", "alice"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(Browser.text(log).replace('\u00a0', ' '))
                .contains("carol a rejoint le salon.")
                .contains("alice a changé le sujet : Ce soir : le quiz"));
        assertThat(visitor.consoleErrors()).isEmpty();
    }

    private void enter(String room, String nick) {
        visitor.byRole("radio", room).click();
        visitor.field("Nickname").sendKeys(nick);
        visitor.byRole("button", "Enter the room").click();
    }
}
