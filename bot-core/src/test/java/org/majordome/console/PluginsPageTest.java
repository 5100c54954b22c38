package org.majordome.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.majordome.dispatch.PluginError;

/** The plugins page: bot admins only, every plugin's last error shown as text. */
class PluginsPageTest {

    private final PluginsPage page = new PluginsPage(() -> new PluginsPage.Snapshot(List.of("moderation", "welcome"),
            Map.of("welcome", new PluginError("lobby@conference.example.org", "OccupantJoinedEvent",
                    "java.lang.IllegalStateException: <img src=x onerror=alert(1)>", Instant.parse("2026-12-07T10:00:00Z"))),
            Optional.empty()));

    private static ConsoleRequest request(Operator operator, Map<String, String> params) {
        Map<String, List<String>> multi = new java.util.HashMap<>();
        params.forEach((name, value) -> multi.put(name, List.of(value)));
        return new ConsoleRequest(operator, "", multi, "token");
    }

    @Test
    void aBotAdminSeesEachPluginAndItsLastErrorAsText() throws ConsoleDenied {
        String html = page.get(request(new Operator("root@example.org", true, Set.of()), Map.of())).toString();
        assertThat(html).contains("<td>moderation</td>").contains("<td>running</td>")
                .contains("2026-12-07 10:00 UTC in lobby@conference.example.org, OccupantJoinedEvent: "
                        + "java.lang.IllegalStateException: &lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<img");
    }

    @Test
    void aRoomOwnerGets403ForThePluginsAndTheirActions() {
        Operator owner = new Operator("owner@example.org", false, Set.of("lobby@conference.example.org"));
        assertThatThrownBy(() -> page.get(request(owner, Map.of())))
                .isInstanceOfSatisfying(ConsoleDenied.class, denied -> assertThat(denied.status()).isEqualTo(403));
        assertThatThrownBy(() -> page.post(request(owner, Map.of("script", "greeter", "action", "disable"))))
                .isInstanceOfSatisfying(ConsoleDenied.class, denied -> assertThat(denied.status()).isEqualTo(403));
    }

    @Test
    void aScriptActionWithoutAScriptsDirectoryIsA404() {
        assertThatThrownBy(() -> page.post(request(new Operator("root@example.org", true, Set.of()),
                Map.of("script", "greeter", "action", "reload"))))
                .isInstanceOfSatisfying(ConsoleDenied.class, denied -> assertThat(denied.status()).isEqualTo(404));
    }

    /** Issue 19: a Java plugin is disabled and enabled from the page by a bot admin, named in the call. */
    @Test
    void aBotAdminDisablesAndEnablesAJavaPlugin() throws ConsoleDenied {
        Set<String> disabled = new java.util.concurrent.CopyOnWriteArraySet<>();
        List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        PluginsPage switching = new PluginsPage(() -> new PluginsPage.Snapshot(List.of("moderation", "welcome"), Map.of(),
                Optional.empty(), disabled), (id, enabled, operator) -> {
                    calls.add(id + " " + enabled + " " + operator);
                    if (enabled) {
                        disabled.remove(id);
                    } else {
                        disabled.add(id);
                    }
                    return Optional.of(enabled ? PluginsPage.SwitchOutcome.ENABLED : PluginsPage.SwitchOutcome.DISABLED);
                });
        Operator root = new Operator("root@example.org", true, Set.of());
        assertThat(switching.get(request(root, Map.of())).toString()).contains("Disable welcome")
                .doesNotContain("Enable welcome");

        assertThat(switching.post(request(root, Map.of("plugin", "welcome", "action", "disable"))))
                .isEqualTo("plugins?outcome=1");
        String html = switching.get(request(root, Map.of("outcome", "1"))).toString();
        assertThat(html).contains("welcome: disabled (it stays started and gets nothing until enabled)").contains("<td>disabled</td>").contains("Enable welcome");

        switching.post(request(root, Map.of("plugin", "welcome", "action", "enable")));
        assertThat(calls).containsExactly("welcome false root@example.org", "welcome true root@example.org");
        assertThat(switching.get(request(root, Map.of())).toString()).contains("Disable welcome");
    }

    @Test
    void disablingAJavaPluginIsForBotAdminsOnlyAndAnUnknownOneIsA404() {
        List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        PluginsPage switching = new PluginsPage(() -> new PluginsPage.Snapshot(List.of("welcome"), Map.of(),
                Optional.empty()), (id, enabled, operator) -> {
                    calls.add(id);
                    return id.equals("welcome") ? Optional.of(PluginsPage.SwitchOutcome.DISABLED) : Optional.empty();
                });
        Operator owner = new Operator("owner@example.org", false, Set.of("lobby@conference.example.org"));
        assertThatThrownBy(() -> switching.post(request(owner, Map.of("plugin", "welcome", "action", "disable"))))
                .isInstanceOfSatisfying(ConsoleDenied.class, denied -> assertThat(denied.status()).isEqualTo(403));
        assertThat(calls).isEmpty();
        Operator root = new Operator("root@example.org", true, Set.of());
        assertThatThrownBy(() -> switching.post(request(root, Map.of("plugin", "nosuch", "action", "disable"))))
                .isInstanceOfSatisfying(ConsoleDenied.class, denied -> assertThat(denied.status()).isEqualTo(404));
        assertThatThrownBy(() -> switching.post(request(root, Map.of("plugin", "welcome", "action", "stop"))))
                .isInstanceOfSatisfying(ConsoleDenied.class, denied -> assertThat(denied.status()).isEqualTo(400));
    }
}
