package org.majordome.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.provider.ProviderManager;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smackx.commands.packet.AdHocCommandData;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.majordome.api.admin.AdminCommand;
import org.majordome.api.admin.AdminRequest;
import org.majordome.api.admin.AdminResult;
import org.majordome.api.text.Wording;
import org.majordome.config.BotConfig;
import org.majordome.config.RuntimeSettings;
import org.majordome.room.RoomKeeper;
import org.majordome.room.RoomStatus;
import org.majordome.text.TextService;
import org.majordome.xmpp.XmppSession;

/**
 * Issue 20: the ad-hoc commands (XEP-0050) were English whatever the administrator's language: their names, forms,
 * instructions and answers now follow the {@code xml:lang} of the request, else the bot's language.
 */
class AdHocFormsInFrenchTest {

    private static final String NB = "\u00a0";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Wording FRENCH = TextService.runtimeWording(Locale.FRENCH, PARIS);

    private final XmppSession session = mock(XmppSession.class);
    private final RoomKeeper rooms = mock(RoomKeeper.class);
    private final BotConfig config = mock(BotConfig.class);
    private final BuiltInAdminCommands builtIn;

    AdHocFormsInFrenchTest() {
        RuntimeSettings runtime = mock(RuntimeSettings.class);
        when(runtime.timeZone()).thenReturn(PARIS);
        when(config.runtime()).thenReturn(runtime);
        when(config.rooms()).thenReturn(List.of());
        when(config.plugins()).thenReturn(Map.of());
        builtIn = new BuiltInAdminCommands(session, rooms, () -> config, words -> AdminResult.done(""),
                Clock.systemUTC(), room -> { });
    }

    @BeforeAll
    static void readCommandsAsTheResponderDoes() {
        ProviderManager.addIQProvider(AdHocCommandData.ELEMENT, AdHocCommandData.NAMESPACE, new CommandRequestProvider());
    }

    private AdminCommand command(String node) {
        return builtIn.commands().stream().filter(command -> command.node().equals(node)).findFirst().orElseThrow();
    }

    @Test
    void theBuiltInFormsWereEnglishWhateverTheRequestersLanguage() {
        AdminCommand join = command("join");

        DataForm form = AdminForms.form(join, join.form(Locale.FRENCH), Locale.FRENCH, FRENCH);

        assertThat(join.name(Locale.FRENCH)).isEqualTo("Rejoindre un salon (jusqu’au prochain rechargement)");
        assertThat(form.getTitle()).isEqualTo("Rejoindre un salon (jusqu’au prochain rechargement)");
        assertThat(form.getInstructions()).containsExactly("Indiquez l’adresse du salon à rejoindre, par exemple "
                + "lobby@conference.example.org. Le bot y reste jusqu’au prochain rechargement ou redémarrage" + NB
                + ": ajoutez le salon au fichier de configuration pour le garder.", "Validez ensuite la commande "
                + "(Terminer, Valider ou Suivant, selon votre client)" + NB + "; Annuler n’exécute rien.");
        assertThat(form.getField("room").getLabel()).isEqualTo("Adresse du salon");
        // English stays what it was.
        assertThat(join.name()).isEqualTo("Join a room (until the next reload)");
        assertThat(join.form().getFirst().label()).isEqualTo("Room address");
    }

    @Test
    void theBuiltInAnswersAreInTheRequestersLanguage() {
        AdminResult result = command("leave").run(new AdminRequest("admin@example.org",
                Map.of("room", "nowhere@conference.example.org"), Locale.FRENCH));

        assertThat(result.outcome()).isEqualTo(AdminResult.Outcome.FAILED);
        assertThat(result.text()).isEqualTo("«" + NB + "nowhere@conference.example.org" + NB
                + "» n’est pas un salon que garde le bot.");
    }

    @Test
    void theStatusIsInFrenchWithFrenchDates() {
        when(session.isOnline()).thenReturn(false);
        when(rooms.status()).thenReturn(List.of(new RoomStatus("salon@conference.example.org",
                RoomStatus.State.JOINED, "Majordome", 3, Instant.parse("2026-12-06T22:01:00Z"), Optional.empty(),
                true)));

        String text = command("status").run(new AdminRequest("admin@example.org", Map.of(), Locale.FRENCH)).text();

        assertThat(text).startsWith("Connexion" + NB + ": hors ligne (reconnexion en cours)\nEn service depuis" + NB
                + ": ").contains("\nSalons (1)" + NB + ":\n  salon@conference.example.org" + NB + ": présent sous le "
                + "pseudo Majordome, 3 occupants en plus du bot, depuis le 6 décembre 2026 à 23:01 CET\n")
                .endsWith("Plugins" + NB + ": aucun");
    }

    /** The command's {@code xml:lang} (Smack 4.4.8 keeps none of an IQ's) when the bot speaks it, else the fallback. */
    @Test
    void theRequestsXmlLangChoosesTheLanguageElseTheFallback() throws Exception {
        assertThat(AdHocCommandResponder.languageOf(request("", " xml:lang='fr'"), Locale.ENGLISH))
                .isEqualTo(Locale.FRENCH);
        assertThat(AdHocCommandResponder.languageOf(request("", " xml:lang='fr-CA'"), Locale.ENGLISH).getLanguage())
                .isEqualTo("fr");
        assertThat(AdHocCommandResponder.languageOf(request("", ""), Locale.FRENCH)).isEqualTo(Locale.FRENCH);
        assertThat(AdHocCommandResponder.languageOf(request("", " xml:lang='de'"), Locale.ENGLISH))
                .isEqualTo(Locale.ENGLISH);
    }

    private static IQ request(String onIq, String onCommand) throws Exception {
        return (IQ) PacketParserUtils.parseStanza("<iq type='set' id='c1' from='admin@example.org/phone' "
                + "to='bot@example.org/majordome'" + onIq + "><command xmlns='http://jabber.org/protocol/commands' "
                + "node='status' action='execute'" + onCommand + "/></iq>");
    }
}
