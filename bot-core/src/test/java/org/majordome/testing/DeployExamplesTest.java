package org.majordome.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The server configuration examples users are told to merge ({@code deploy/prosody/majordome-server.cfg.lua},
 * {@code deploy/ejabberd/majordome.yml}) say what the integration tests' servers say: every setting of an example
 * is either the harness's too (example.org read as localhost) or listed below with the reason the tests must
 * differ. A setting added to an example, or changed on one side only, fails here until the two agree or the
 * difference is justified.
 *
 * <p>Why a comparison rather than one file: the examples are fragments to merge into a production server's own
 * configuration, and a few of their settings would hide what the tests must see (the bot as owner of every room
 * would make "a room the bot does not own" impossible to test); the harness's files are whole throwaway
 * configurations with ports, directories and test-only relaxations (no TLS, no rate limits).
 */
class DeployExamplesTest {

    private static final Path DEPLOY = Path.of("..", "deploy").toAbsolutePath().normalize();

    /** ejabberd example settings (YAML paths) the tests' server deliberately does without, and why. */
    private static final Map<String, String> EJABBERD_DIFFERENCES = Map.of(
            "acl.majordome.user", "the bot's ACL serves only the two rules below",
            "access_rules.muc_admin", "the tests keep the bot out of the MUC admins, to see it in rooms it does not "
                    + "own (RoomAdminIT); server admins own every room through access_admin",
            "modules.mod_muc.access_admin", "see access_rules.muc_admin",
            "shaper_rules.c2s_shaper", "the tests shape no client at all, which exempts the bot too",
            "modules.mod_muc.default_room_options.persistent", "the tests prove that the bot makes its rooms "
                    + "persistent itself (RoomKeepingIT), so new rooms keep ejabberd's default",
            "modules.mod_muc_occupantid", "ejabberd 23.10 and newer: the tests run Debian's 23.01, which lacks it");

    /** Prosody example settings ("section: key") the tests' server deliberately does without, and why. */
    private static final Map<String, String> PROSODY_DIFFERENCES = Map.of(
            "global: limits", "the tests lift the rate limit for every client, which exempts the bot too",
            "global: unlimited_jids", "see limits",
            "Component \"conference.localhost\" \"muc\": restrict_room_creation", "test clients create rooms the bot "
                    + "does not own (RoomAdminIT)",
            "Component \"conference.localhost\" \"muc\": admins", "the tests keep the bot out of the MUC admins, to see "
                    + "it in rooms it does not own (RoomAdminIT); server admins own every room",
            "Component \"conference.localhost\" \"muc\": muc_room_default_persistent", "the tests prove that the bot "
                    + "makes its rooms persistent itself (RoomKeepingIT)",
            "Component \"pubsub.localhost\" \"pubsub\": admins", "each test class names the accounts that create "
                    + "nodes (ServerSettings.pubsubOwners): the bot only where it publishes");

    @Test
    void theEjabberdExampleSaysWhatTheTestServerSays() throws Exception {
        Map<String, Object> example = leaves(yaml(Files.readString(DEPLOY.resolve("ejabberd/majordome.yml"))
                .replace("example.org", XmppServer.DOMAIN)));
        Map<String, Object> harness = leaves(yaml(String.join("\n",
                EjabberdConfig.lines(EjabberdServer.builder(), 5222, Optional.empty()))));

        assertThat(example).as("the example's settings").isNotEmpty();
        for (Map.Entry<String, Object> setting : example.entrySet()) {
            if (EJABBERD_DIFFERENCES.containsKey(setting.getKey())) {
                assertThat(harness.get(setting.getKey())).as("listed as different: " + setting.getKey())
                        .isNotEqualTo(setting.getValue());
            } else {
                assertThat(harness).as("the tests' ejabberd.yml (EjabberdConfig) must say what the example says, "
                        + "or EJABBERD_DIFFERENCES why not").containsEntry(setting.getKey(), setting.getValue());
            }
        }
        assertThat(example.keySet()).containsAll(EJABBERD_DIFFERENCES.keySet());
    }

    @Test
    void theProsodyExampleSaysWhatTheTestServerSays() throws Exception {
        Map<String, String> example = luaSettings(Files.readString(DEPLOY.resolve("prosody/majordome-server.cfg.lua"))
                .replace("example.org", XmppServer.DOMAIN));
        Map<String, String> harness = luaSettings(String.join("\n", ProsodyServer.configLines(ProsodyServer.builder(),
                Path.of("/nonexistent"), 5222, Optional.empty(), true)));

        assertThat(example).as("the example's settings").isNotEmpty();
        for (Map.Entry<String, String> setting : example.entrySet()) {
            String key = setting.getKey();
            if (PROSODY_DIFFERENCES.containsKey(key)) {
                assertThat(harness.get(key)).as("listed as different: " + key).isNotEqualTo(setting.getValue());
            } else if (key.endsWith(": modules_enabled")) {
                assertThat(quoted(harness.getOrDefault(key, ""))).as("the tests' modules of " + key)
                        .containsAll(quoted(setting.getValue()));
            } else {
                assertThat(harness).as("the tests' prosody.cfg.lua (ProsodyServer) must say what the example says, "
                        + "or PROSODY_DIFFERENCES why not").containsEntry(key, setting.getValue());
            }
        }
        assertThat(example.keySet()).containsAll(PROSODY_DIFFERENCES.keySet());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String text) {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
    }

    /** Every leaf of a YAML document by its dotted path; an empty map (a module without options) is a leaf. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> leaves(Map<String, Object> document) {
        Map<String, Object> leaves = new LinkedHashMap<>();
        document.forEach((key, value) -> {
            if (value instanceof Map<?, ?> map && !map.isEmpty()) {
                leaves(((Map<String, Object>) map)).forEach((path, leaf) -> leaves.put(key + "." + path, leaf));
            } else {
                leaves.put(key, value);
            }
        });
        return leaves;
    }

    private static final Pattern SETTING = Pattern.compile("^([A-Za-z_]+)\\s*=\\s*(.*)$");

    /**
     * The {@code key = value} settings of a Prosody configuration, by "section: key", where the section is
     * {@code global} or the {@code VirtualHost}/{@code Component} line; comments dropped, a value in braces read
     * to its closing brace, spaces normalised.
     */
    static Map<String, String> luaSettings(String text) {
        Map<String, String> settings = new LinkedHashMap<>();
        String section = "global";
        List<String> lines = Arrays.stream(text.split("\n")).map(line -> line.replaceFirst("--.*$", "").strip())
                .filter(line -> !line.isEmpty()).toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("VirtualHost ") || line.startsWith("Component ")) {
                section = line.replaceAll("\\s+", " ");
                continue;
            }
            Matcher setting = SETTING.matcher(line);
            if (!setting.matches()) {
                continue;
            }
            StringBuilder value = new StringBuilder(setting.group(2));
            while (depth(value) > 0 && i + 1 < lines.size()) {
                value.append(' ').append(lines.get(++i));
            }
            settings.put(section + ": " + setting.group(1), value.toString().replaceAll("\\s+", " ").strip());
        }
        return settings;
    }

    private static int depth(CharSequence value) {
        return (int) (value.chars().filter(c -> c == '{').count() - value.chars().filter(c -> c == '}').count());
    }

    private static Set<String> quoted(String value) {
        return Pattern.compile("\"([^\"]*)\"").matcher(value).results().map(match -> match.group(1))
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
