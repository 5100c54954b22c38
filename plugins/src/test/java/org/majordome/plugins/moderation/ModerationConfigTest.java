package org.majordome.plugins.moderation;

import java.util.List;

import org.majordome.api.pubsub.NodeAddress;

import org.majordome.api.pubsub.NodeAccess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.api.ConfigBindingException;
import org.majordome.config.ConfigLoader;
import org.majordome.config.PluginConfigBinder;
import org.majordome.plugins.moderation.ModerationConfig.LockdownMode;
import org.majordome.plugins.moderation.ModerationConfig.Sanction;

/** The shipped commented default is exactly the built-in default, and rooms override as documented. */
class ModerationConfigTest {

    @TempDir
    Path dir;

    private ModerationConfig bind(String pluginsSection) throws Exception {
        Path file = dir.resolve("bot.yml");
        Files.writeString(file, """
                connection:
                  jid: bot@localhost
                  password: pw
                plugins:
                """ + pluginsSection.indent(2));
        return new PluginConfigBinder(new ConfigLoader(Map.of()).load(file)).bind("moderation", ModerationConfig.class);
    }

    @Test
    void theShippedDefaultFileBindsToTheBuiltInDefaults() throws Exception {
        String shipped;
        try (InputStream in = getClass().getResourceAsStream("/org/majordome/plugins/moderation/moderation.yml")) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(bind(shipped)).isEqualTo(ModerationConfig.defaults());
    }

    @Test
    void roomsOverrideWholeRules() throws Exception {
        ModerationConfig config = bind("""
                moderation:
                  flood: {max-messages: 8}
                  join-flood: {mode: members-only}
                  rooms:
                    "Lobby@conference.example.org":
                      dry-run: true
                      flood: {per: 10s}
                      ladder:
                        - {points: 2, action: ban, duration: 1h}
                """);
        assertThat(config.policyFor("other@conference.example.org").flood().maxMessages()).isEqualTo(8);
        assertThat(config.policyFor("other@conference.example.org").joinFlood().mode()).isEqualTo(LockdownMode.MEMBERS_ONLY);
        ModerationConfig.Policy lobby = config.policyFor("lobby@conference.example.org");
        assertThat(lobby.dryRun()).isTrue();
        assertThat(lobby.flood().per()).isEqualTo(Duration.ofSeconds(10));
        assertThat(lobby.flood().maxMessages()).as("built-in default, not the plugin-wide 8").isEqualTo(6);
        assertThat(lobby.ladder()).singleElement().satisfies(rung -> {
            assertThat(rung.action()).isEqualTo(Sanction.BAN);
            assertThat(rung.removeMessage()).isFalse();
        });
    }

    /** Appeals are on by default, with a staff room plugin-wide, and a room may turn them off. */
    @Test
    void appealsAreConfiguredPerRoom() throws Exception {
        ModerationConfig config = bind("""
                moderation:
                  appeals: {staff-room: "Staff@conference.example.org", max-appeals: 5}
                  rooms:
                    "lobby@conference.example.org":
                      appeals: {enabled: false}
                """);
        AppealSettings other = config.policyFor("other@conference.example.org").appeals();
        assertThat(other.enabled()).isTrue();
        assertThat(other.staffRoom()).contains("staff@conference.example.org");
        assertThat(other.maxAppeals()).isEqualTo(5);
        assertThat(other.replyWindow()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.policyFor("lobby@conference.example.org").appeals().enabled()).isFalse();
        assertThatThrownBy(() -> bind("""
                moderation:
                  appeals: {max-appeals: 0}
                """)).isInstanceOf(ConfigBindingException.class).hasMessageContaining("max-appeals");
    }

    @Test
    void anInvalidPatternIsReportedAtLoad() {
        assertThatThrownBy(() -> bind("""
                moderation:
                  words: {patterns: ['(unclosed']}
                """)).isInstanceOf(ConfigBindingException.class).hasMessageContaining("invalid pattern '(unclosed'");
    }

    @Test
    void blockListsAndPublishedBansBindWithTheirDefaults() throws Exception {
        ModerationConfig config = bind("""
                moderation:
                  blocklists:
                    - service: xmppbl.org
                    - {service: pubsub.example.org, node: my_bans, action: kick, rooms: [Lobby@conference.example.org]}
                  publish-bans:
                    service: pubsub.example.org
                    access: whitelist
                    subscribers: [other-bot@example.net]
                """);
        assertThat(config.blocklists()).hasSize(2);
        assertThat(config.blocklists().get(0).address()).isEqualTo(new NodeAddress("xmppbl.org", "muc_bans_sha256"));
        assertThat(config.blocklists().get(0).onHit()).isEqualTo(BlockListSettings.BlockAction.BAN);
        assertThat(config.blocklists().get(1).address()).isEqualTo(new NodeAddress("pubsub.example.org", "my_bans"));
        assertThat(config.blocklists().get(1).onHit()).isEqualTo(BlockListSettings.BlockAction.KICK);
        assertThat(config.blocklists().get(0).appliesIn("any@conference.example.org")).isTrue();
        assertThat(config.blocklists().get(1).appliesIn("lobby@conference.example.org")).isTrue();
        assertThat(config.blocklists().get(1).appliesIn("other@conference.example.org")).isFalse();
        BlockListSettings.PublishBans publish = config.publishBans().orElseThrow();
        assertThat(publish.address()).isEqualTo(new NodeAddress("pubsub.example.org", "muc_bans_sha256"));
        assertThat(publish.nodeAccess()).isEqualTo(NodeAccess.whitelist(List.of("other-bot@example.net")));
        assertThat(publish.publishes(true)).isTrue();
        assertThat(publish.publishes(false)).as("permanent bans only, by default").isFalse();
    }

    @Test
    void aBlockListWithoutServiceIsReportedAtLoad() {
        assertThatThrownBy(() -> bind("""
                moderation:
                  blocklists:
                    - {node: muc_bans_sha256}
                """)).isInstanceOf(ConfigBindingException.class).hasMessageContaining("service");
    }
}
