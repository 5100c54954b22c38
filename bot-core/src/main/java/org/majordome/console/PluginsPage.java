package org.majordome.console;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.majordome.api.text.Wording;
import org.majordome.dispatch.PluginError;
import org.majordome.script.ScriptAdminPlugin;
import org.majordome.script.ScriptHost;
import org.majordome.script.ScriptPlugin;
import org.majordome.script.ScriptStatus;
import org.majordome.text.TextService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins and scripts, for bot admins only (they run in every room; anyone else gets a 403): each one's state and
 * last failed call, and for scripts the actions {@code !scripts} offers and more: reload from the file, disable (the
 * running version stops until the next reload), enable (a reload), and load a new file now. A Java plugin can be
 * disabled and enabled: a pause, not a stop (it stays started but gets nothing; kept across reloads and restarts).
 * Every action is logged naming the operator.
 */
public final class PluginsPage implements ConsolePage {

    private static final Logger log = LoggerFactory.getLogger(PluginsPage.class);
    private static final Duration RELOAD_WAIT = Duration.ofSeconds(15);

    /**
     * What the page reads from the running plugins.
     *
     * @param pluginIds  the running generation's plugins, scripts included
     * @param lastErrors each plugin's last failed call, by id
     * @param scripts    the scripts, when a scripts directory is configured
     * @param disabled   the Java plugins an operator disabled
     */
    public record Snapshot(List<String> pluginIds, Map<String, PluginError> lastErrors, Optional<ScriptHost> scripts,
                           Set<String> disabled) {
        public Snapshot {
            pluginIds = List.copyOf(pluginIds);
            lastErrors = Map.copyOf(lastErrors);
            disabled = Set.copyOf(disabled);
        }

        /** None disabled. */
        public Snapshot(List<String> pluginIds, Map<String, PluginError> lastErrors, Optional<ScriptHost> scripts) {
            this(pluginIds, lastErrors, scripts, Set.of());
        }
    }

    /** Disables (pauses) and enables Java plugins. */
    @FunctionalInterface
    public interface JavaPluginSwitch {
        /**
         * @param operator the operator's JID, for the log
         * @return what happened, which the page words in the operator's language; empty when no Java plugin of that
         *         id runs
         */
        Optional<SwitchOutcome> setEnabled(String pluginId, boolean enabled, String operator);
    }

    /** What disabling or enabling a Java plugin came to (worded by {@code console.plugins.switch.*}). */
    public enum SwitchOutcome {
        /** It was disabled and gets events again. */
        ENABLED,
        /** Enabling changed nothing: it was not disabled. */
        NOT_DISABLED,
        /** Paused: it stays started and gets nothing until enabled. */
        DISABLED,
        /** Disabling changed nothing: it was disabled already. */
        ALREADY_DISABLED;

        /** Its text in the runtime's bundle. */
        public String key() {
            return "console.plugins.switch." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final Supplier<Snapshot> plugins;
    private final JavaPluginSwitch javaPlugins;
    private final Map<String, String> outcomes = new ConcurrentHashMap<>();

    /** A page whose Java plugins cannot be disabled. */
    public PluginsPage(Supplier<Snapshot> plugins) {
        this(plugins, (id, enabled, operator) -> Optional.empty());
    }

    public PluginsPage(Supplier<Snapshot> plugins, JavaPluginSwitch javaPlugins) {
        this.plugins = plugins;
        this.javaPlugins = javaPlugins;
    }

    @Override
    public String path() {
        return "plugins";
    }

    @Override
    public String title() {
        return "Plugins & scripts";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public boolean listedFor(Operator operator) {
        return operator.botAdmin();
    }

    @Override
    public Html get(ConsoleRequest request) throws ConsoleDenied {
        adminOnly(request);
        Wording w = request.words();
        Snapshot now = plugins.get();
        Map<String, ScriptPlugin> scripts = now.scripts().map(ScriptHost::scripts).orElse(Map.of());
        List<List<Html>> rows = new ArrayList<>();
        for (String id : now.pluginIds()) {
            ScriptPlugin script = scripts.get(id);
            boolean disabled = script == null && now.disabled().contains(id);
            rows.add(List.of(Html.text(id), Html.text(script == null ? w.format("console.plugins.kind.java")
                            : w.format("console.plugins.kind.script", script.file().getFileName().toString())),
                    Html.text(script != null ? script.status().in(scriptWords(request))
                            : w.format(disabled ? "console.plugins.state.disabled" : "console.plugins.state.running")),
                    Html.text(Optional.ofNullable(now.lastErrors().get(id)).map(error -> describe(w, error)).orElse("—")),
                    script == null ? javaAction(request, id, disabled) : actions(request, id, script.status())));
        }
        for (String id : now.scripts().map(ScriptHost::newScriptIds).orElse(List.of())) {
            rows.add(List.of(Html.text(id), Html.text(w.format("console.plugins.kind.new")),
                    Html.text(w.format("console.plugins.state.new")), Html.text("—"),
                    button(request, id, "load", w.format("console.plugins.load", id))));
        }
        String outcome = request.param("outcome").isPresent() ? outcomes.remove(request.operator().jid()) : null;
        return Html.format("{}{}", outcome == null ? Html.empty()
                        : PageParts.status(outcome),
                PageParts.table(w.format("console.plugins.caption", rows.size()),
                        List.of("plugin", "kind", "state", "last-error", "actions").stream()
                                .map(column -> w.format("console.plugins.column." + column)).toList(), rows));
    }

    private static String describe(Wording w, PluginError error) {
        return error.room().isEmpty()
                ? w.format("console.plugins.error", w.moment(error.at()), error.what(), error.error())
                : w.format("console.plugins.error.room", w.moment(error.at()), error.room(), error.what(), error.error());
    }

    private Html actions(ConsoleRequest request, String id, ScriptStatus status) {
        boolean running = status.state() == ScriptStatus.State.RUNNING;
        return Html.of(button(request, id, "reload", request.text("console.plugins.reload", id)),
                running ? button(request, id, "disable", request.text("console.plugins.disable", id))
                        : button(request, id, "enable", request.text("console.plugins.enable", id)));
    }

    private Html javaAction(ConsoleRequest request, String id, boolean disabled) {
        String action = disabled ? "enable" : "disable";
        return PageParts.postForm(request, path(), Map.of("plugin", id, "action", action),
                request.text(disabled ? "console.plugins.enable" : "console.plugins.disable", id));
    }

    private Html button(ConsoleRequest request, String id, String action, String label) {
        return PageParts.postForm(request, path(), Map.of("script", id, "action", action), label);
    }

    @Override
    public String post(ConsoleRequest request) throws ConsoleDenied {
        adminOnly(request);
        if (request.param("plugin").isPresent()) {
            return postJava(request, request.param("plugin").get());
        }
        String id = request.param("script").orElseThrow(() -> new ConsoleDenied(400, request.text("console.plugins.which-script")));
        String action = request.param("action").orElse("");
        Optional<ScriptHost> host = plugins.get().scripts();
        if (host.isEmpty()) {
            throw new ConsoleDenied(404, request.text("console.plugins.no-scripts"));
        }
        String outcome;
        if (action.equals("load") && host.get().newScriptIds().contains(id)) {
            host.get().announceNewScripts();
            outcome = request.text("console.plugins.outcome", id, request.text("console.plugins.loading"));
        } else {
            ScriptPlugin script = host.get().script(id).orElseThrow(() -> new ConsoleDenied(404, request.text("console.plugins.no-script")));
            String operator = request.operator().jid();
            outcome = request.text("console.plugins.outcome", id, switch (action) {
                case "reload", "enable" -> awaited(request, script.reload());
                case "disable" -> awaited(request, script.disable(request.text("console.plugins.disabled-by", operator)));
                default -> throw new ConsoleDenied(400, request.text("console.error.unknown-action"));
            });
        }
        log.info("Console: {} ran '{}' on script {}: {}", request.operator().jid(), action, id, outcome);
        outcomes.put(request.operator().jid(), outcome);
        return path() + "?outcome=1";
    }

    /** Disables or enables a Java plugin. */
    private String postJava(ConsoleRequest request, String id) throws ConsoleDenied {
        String action = request.param("action").orElse("");
        if (!action.equals("disable") && !action.equals("enable")) {
            throw new ConsoleDenied(400, request.text("console.error.unknown-action"));
        }
        String operator = request.operator().jid();
        SwitchOutcome done = javaPlugins.setEnabled(id, action.equals("enable"), operator)
                .orElseThrow(() -> new ConsoleDenied(404, request.text("console.plugins.no-java")));
        log.info("Console: {} ran '{}' on plugin {}: {}", operator, action, id, done);
        outcomes.put(operator, request.text("console.plugins.outcome", id, request.text(done.key())));
        return path() + "?outcome=1";
    }

    private static String awaited(ConsoleRequest request, CompletableFuture<ScriptStatus> work) {
        try {
            return work.get(RELOAD_WAIT.toMillis(), TimeUnit.MILLISECONDS).in(scriptWords(request));
        } catch (ExecutionException failed) {
            return request.text("console.plugins.failed", String.valueOf(failed.getCause()));
        } catch (TimeoutException late) {
            return request.text("console.plugins.still-working");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return request.text("console.plugins.interrupted");
        }
    }

    /** The scripts plugin's words (a script's states and details) in the operator's language. */
    private static Wording scriptWords(ConsoleRequest request) {
        return TextService.ownPluginWording(ScriptAdminPlugin.class, ScriptAdminPlugin.ID, request.language(), ZoneOffset.UTC);
    }

    private static void adminOnly(ConsoleRequest request) throws ConsoleDenied {
        if (!request.operator().botAdmin()) {
            throw new ConsoleDenied(403, request.text("console.plugins.admins-only"));
        }
    }
}
