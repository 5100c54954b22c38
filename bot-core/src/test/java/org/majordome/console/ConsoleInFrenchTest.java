package org.majordome.console;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.activity.ActivityCounter;
import org.majordome.dispatch.PluginError;
import org.majordome.room.RoomView;
import org.majordome.store.ActivityTable;
import org.majordome.store.Database;
import org.majordome.store.DatabaseSettings;

/**
 * The console speaks the operator's language: the browser's {@code Accept-Language} when the bot speaks it, else the
 * bot's; the frame, the rooms page and their dates are French for a French operator, and what comes from XMPP is
 * still only text.
 */
class ConsoleInFrenchTest {

    private static final Locale FR = Locale.FRENCH;
    private static final String A = "a@conference.example.org";
    private static final Operator BOSS = new Operator("boss@example.org", true, Set.of());

    private final RoomsPage rooms = new RoomsPage(() -> List.of(hostile(RoomViews.ownedBy(A, "ann@example.org"))),
            jid -> false);
    private final Layout layout = new Layout("/console", "Majordome", List.of(rooms,
            new ConfigPage(() -> null, null)));

    @Test
    void theConsoleTakesTheFirstLanguageOfTheBrowserTheBotSpeaksElseTheBots() {
        assertThat(ConsoleRoutes.language("fr-CA,fr;q=0.9,en;q=0.5", Locale.ENGLISH)).isEqualTo(FR);
        assertThat(ConsoleRoutes.language("de-DE,en;q=0.8,fr;q=0.5", FR)).isEqualTo(Locale.ENGLISH);
        assertThat(ConsoleRoutes.language("de-DE", FR)).isEqualTo(FR);
        assertThat(ConsoleRoutes.language(null, Locale.ENGLISH)).isEqualTo(Locale.ENGLISH);
        assertThat(ConsoleRoutes.language("fr;q=0, en", FR)).isEqualTo(Locale.ENGLISH);
    }

    @Test
    void theFrameIsFrenchAndSaysSoInItsLang() {
        ConsoleRequest request = new ConsoleRequest(BOSS, "", Map.of(), "T", FR);
        String html = layout.page(request, rooms, layout.title(rooms, FR), Html.empty()).toString();

        assertThat(html).contains("<html lang=\"fr\">").contains(">Salons</a>").contains("Se déconnecter")
                .contains("Connecté en tant que").contains("<h1>Salons</h1>").doesNotContain("Log out");
        assertThat(layout.page(new ConsoleRequest(BOSS, "", Map.of(), "T"), rooms, "Rooms", Html.empty()).toString())
                .contains("<html lang=\"en\">").contains("Log out");
    }

    @Test
    void theRoomsPageIsFrenchForAFrenchOperatorAndHostileTextStaysText() throws Exception {
        String list = rooms.get(new ConsoleRequest(BOSS, "", Map.of(), "t", FR)).toString();
        String detail = rooms.get(new ConsoleRequest(BOSS, A, Map.of(), "t", FR)).toString();

        assertThat(list).contains("1 salon gardé").contains("Dernière activité").contains("Affiliations")
                .contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img").doesNotContain("Last activity");
        assertThat(detail).contains("<dt>Adresse</dt>").contains("Affiliations déclarées").contains("Tous les salons")
                .contains("&lt;b&gt;Mallory&lt;/b&gt;").doesNotContain("<b>");
        assertThat(detail).containsPattern("depuis le \\d{1,2} [a-zéû]+ \\d{4} à \\d\\d:\\d\\d:\\d\\d UTC");
    }

    /** Issue 20: the problem beside a room's state ("kicked: ...") was English on a French operator's page. */
    @Test
    void aKickedRoomsProblemIsFrenchOnTheRoomsPageAndTheRoomsReasonStaysText() throws Exception {
        RoomView owned = RoomViews.ownedBy(A, "ann@example.org");
        RoomView kicked = new RoomView(new org.majordome.room.RoomStatus(A,
                org.majordome.room.RoomStatus.State.WAITING_TO_REJOIN, "Majordome", 0, RoomViews.AT,
                Optional.of(org.majordome.room.RoomProblem.of(org.majordome.room.RoomProblem.Kind.KICKED_FOR,
                        "<i>Go</i>")), true), owned.title(), owned.subject(), owned.occupants(), owned.declared(),
                owned.managers(), owned.configuration(), owned.overlays(), owned.lastActivity());
        RoomsPage page = new RoomsPage(() -> List.of(kicked), jid -> false);

        assertThat(page.get(new ConsoleRequest(BOSS, A, Map.of(), "t", FR)).toString())
                .contains(" — expulsé\u00a0: &lt;i&gt;Go&lt;/i&gt;").doesNotContain("kicked").doesNotContain("<i>");
        assertThat(page.get(new ConsoleRequest(BOSS, A, Map.of(), "t")).toString())
                .contains(" — kicked: &lt;i&gt;Go&lt;/i&gt;");
    }

    @Test
    void theScheduleIsFrenchForAFrenchOperator() throws Exception {
        String html = new SchedulePage(List::of).get(new ConsoleRequest(BOSS, "", Map.of(), "t", FR)).toString();

        assertThat(html).contains("Les heures sont en UTC.").contains("Aucune tâche planifiée.")
                .contains("<label for=\"schedule-room\">Salon (JID)</label>").contains(">Filtrer</button>");
    }

    /** Issue 20: the login page, its answer and the link's confirm page were English whatever the browser asked. */
    @Test
    void theLoginPagesAreFrenchForAFrenchBrowserAndTheJidStaysText() {
        String form = LoginRoutes.loginPage(layout, "/console", ConsoleRequest.words(FR), OptionalLong.of(15))
                .toString();
        String confirm = LoginRoutes.confirmPage(layout, ConsoleRequest.words(FR), "<b>eve</b>@example.org",
                "/console/login/t").toString();

        assertThat(form).contains("<html lang=\"fr\">").contains("<h1>Connexion</h1>")
                .contains("Votre adresse XMPP").contains(">Envoyez-moi un lien de connexion</button>")
                .contains("Ouvrez-le dans les 15 minutes\u00a0; il ne sert qu’une fois.")
                .doesNotContain("Log in");
        assertThat(confirm).contains("Vous connecter à la console en tant que <strong>&lt;b&gt;eve&lt;/b&gt;@example.org"
                + "</strong>\u00a0?").contains(">Se connecter</button>").doesNotContain("<b>");
        assertThat(LoginRoutes.confirmPage(layout, ConsoleRequest.words(Locale.ENGLISH), "eve@example.org", "/x")
                .toString()).contains("<p>Log in to the console as <strong>eve@example.org</strong>?</p>");
        assertThat(LoginRoutes.statusHeading(ConsoleRequest.words(FR), 429)).isEqualTo("Trop de requêtes");
        assertThat(LoginRoutes.statusHeading(ConsoleRequest.words(Locale.ENGLISH), 403)).isEqualTo("Forbidden");
    }

    /** Issue 20: the plugins page (states, errors, buttons) was English for a French operator. */
    @Test
    void thePluginsPageIsFrenchAndTheErrorStaysText() throws Exception {
        PluginsPage plugins = new PluginsPage(() -> new PluginsPage.Snapshot(List.of("moderation", "welcome"),
                Map.of("welcome", new PluginError(A, "OccupantJoinedEvent", "<img src=x onerror=alert(1)>",
                        Instant.parse("2026-12-07T10:00:00Z"))), Optional.empty(), Set.of("welcome")),
                (id, enabled, operator) -> Optional.of(PluginsPage.SwitchOutcome.ENABLED));
        String html = plugins.get(new ConsoleRequest(BOSS, "", Map.of(), "t", FR)).toString();

        assertThat(html).contains("Plugins et scripts (2)").contains("Dernière erreur").contains("<td>en service</td>")
                .contains("<td>désactivé</td>").contains("Activer welcome").contains("Désactiver moderation")
                .contains(" dans " + A + ", OccupantJoinedEvent\u00a0: &lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<img").doesNotContain("running").doesNotContain("Last error");
        // A script's state, as the page writes it: the scripts plugin's own words, in the operator's language.
        assertThat(new org.majordome.script.ScriptStatus(org.majordome.script.ScriptStatus.State.DISABLED, "",
                "script.detail.no-file", List.of("x.js")).in(org.majordome.text.TextService.ownPluginWording(
                org.majordome.script.ScriptAdminPlugin.class, "scripts", FR, ZoneOffset.UTC)))
                .isEqualTo("désactivé (pas de fichier x.js)");
        assertThatThrownBy(() -> plugins.get(new ConsoleRequest(new Operator("o@example.org", false, Set.of(A)), "",
                Map.of(), "t", FR))).hasMessage("Seuls les administrateurs du bot gèrent les plugins et les scripts.");
    }

    /** Issue 20: what disabling or enabling a Java plugin did was shown in English to a French operator. */
    @Test
    void aJavaPluginsDisableOutcomeIsWordedInTheOperatorsLanguage() throws Exception {
        java.util.Deque<PluginsPage.SwitchOutcome> answers = new java.util.ArrayDeque<>(List.of(
                PluginsPage.SwitchOutcome.DISABLED, PluginsPage.SwitchOutcome.ALREADY_DISABLED,
                PluginsPage.SwitchOutcome.ENABLED, PluginsPage.SwitchOutcome.NOT_DISABLED));
        PluginsPage plugins = new PluginsPage(() -> new PluginsPage.Snapshot(List.of("welcome"), Map.of(),
                Optional.empty()), (id, enabled, operator) -> Optional.of(answers.removeFirst()));
        java.util.function.BiFunction<Locale, String, String> act = (language, action) -> {
            try {
                plugins.post(new ConsoleRequest(BOSS, "", Map.of("plugin", List.of("welcome"), "action",
                        List.of(action)), "t", language));
                return plugins.get(new ConsoleRequest(BOSS, "", Map.of("outcome", List.of("1")), "t", language))
                        .toString();
            } catch (ConsoleDenied denied) {
                throw new AssertionError(denied);
            }
        };

        assertThat(act.apply(FR, "disable")).contains("welcome\u00a0: désactivé (il reste démarré, mais ne reçoit plus "
                + "rien tant qu’on ne le réactive pas)").doesNotContain("stays started");
        assertThat(act.apply(FR, "disable")).contains("welcome\u00a0: était déjà désactivé");
        assertThat(act.apply(Locale.ENGLISH, "enable")).contains("welcome: enabled").doesNotContain("activé");
        assertThat(act.apply(FR, "enable")).contains("welcome\u00a0: n’était pas désactivé");
    }

    /** Issue 20: the activity page (charts, axis labels, table, selector) was English for a French operator. */
    @Test
    void theActivityPageIsFrenchAndARoomNotManagedIsRefusedInFrench(@TempDir Path data) throws Exception {
        Instant now = Instant.parse("2026-12-07T12:30:00Z");
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        try (Database database = Database.open(DatabaseSettings.embedded(data))) {
            new ActivityTable(database).add(List.of(new ActivityTable.Row(A, ActivityCounter.epochHour(now) - 30, 42, 3)));
            ActivityPage activity = new ActivityPage(new ActivityCounter(new ActivityTable(database), clock, false),
                    clock);
            String html = activity.get(new ConsoleRequest(BOSS, "", Map.of(), "t", FR)).toString();

            assertThat(html).contains("Tous les salons, les 7 derniers jours, par heure (UTC).")
                    .contains("<title id=\"chart-messages\">Messages par heure</title>")
                    .contains("Actions de modération par heure (maximum\u00a0: 3)").contains(">06/12</text>")
                    .contains("<caption>Heures avec de l’activité (UTC)</caption>").contains(">Afficher</button>")
                    .contains("<label for=\"activity-days\">Jours</label>").doesNotContain("per hour");
            Operator owner = new Operator("o@example.org", false, Set.of(A));
            assertThatThrownBy(() -> activity.get(new ConsoleRequest(owner, "", Map.of("room",
                    List.of("b@conference.example.org")), "t", FR))).hasMessage("Vous ne pouvez pas gérer ce salon.");
            assertThatThrownBy(() -> new SchedulePage(List::of).get(new ConsoleRequest(owner, "", Map.of("room",
                    List.of("b@conference.example.org")), "t", FR))).hasMessage("Vous ne pouvez pas gérer ce salon.");
        }
    }

    @Test
    void anEmptyConfigurationValueIsSaidInFrench() {
        assertThat(ConfigView.render(List.of(), ConsoleRequest.words(FR)).toString()).isEqualTo("(aucun)");
        assertThat(ConfigView.render(Optional.empty(), ConsoleRequest.words(FR)).toString()).isEqualTo("(non défini)");
    }

    private static RoomView hostile(RoomView room) {
        return new RoomView(room.status(), room.title(), Optional.of("<img src=x onerror=alert(1)>"),
                List.of(new org.majordome.api.event.Occupant("<b>Mallory</b>", Optional.empty(), Optional.empty(),
                        org.majordome.api.event.Role.PARTICIPANT, org.majordome.api.event.Affiliation.NONE)),
                room.declared(), room.managers(), room.configuration(), room.overlays(), room.lastActivity());
    }
}
