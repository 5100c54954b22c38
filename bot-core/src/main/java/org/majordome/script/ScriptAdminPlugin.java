package org.majordome.script;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.majordome.api.NoConfig;
import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.api.command.Command;
import org.majordome.api.command.CommandInvocation;
import org.majordome.api.command.CommandScope;
import org.majordome.api.command.Permission;

/**
 * The {@code scripts} plugin: {@code !scripts} lists the JavaScript plugins and their state,
 * {@code !scripts reload [id]} reloads them from their files (and re-enables disabled ones). A script file the
 * watcher has not handed over yet is listed as new; reloading it (all, or by id) hands it over now, and the
 * runtime loads that one script alone. Bot admins only.
 */
public final class ScriptAdminPlugin implements Plugin<NoConfig> {

    /** This plugin's id, reserved: no script may take it. */
    public static final String ID = "scripts";
    private static final Duration RELOAD_WAIT = Duration.ofSeconds(15);
    private static final String NEW_FILE = "new file, not loaded yet ('scripts reload' loads it now)";
    private static final String LOADING_NEW = "new file: loading it alone (the log says how it went)";

    private final ScriptHost host;

    ScriptAdminPlugin(ScriptHost host) {
        this.host = host;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Class<NoConfig> configType() {
        return NoConfig.class;
    }

    @Override
    public void start(PluginContext<NoConfig> context) {
        // Stateless: everything is in the host.
    }

    @Command(name = "scripts", usage = "[reload [id]]", help = "Lists the JavaScript plugins, or reloads them from their files.",
            permission = Permission.BOT_ADMIN, scopes = {CommandScope.ROOM, CommandScope.PRIVATE, CommandScope.DIRECT},
            maxArgs = 2)
    public void scripts(CommandInvocation invocation) {
        String action = invocation.argument(0).orElse("list");
        Map<String, ScriptPlugin> scripts = host.scripts();
        switch (action) {
            case "list" -> {
                List<String> lines = new ArrayList<>();
                scripts.forEach((id, script) -> lines.add(id + ": " + script.status()));
                host.newScriptIds().forEach(id -> lines.add(id + ": " + NEW_FILE));
                invocation.reply(lines.isEmpty() ? "No scripts." : String.join("\n", lines));
            }
            case "reload" -> {
                Optional<String> only = invocation.argument(1);
                List<String> added = host.newScriptIds();
                if (only.isPresent() && added.contains(only.get())) {
                    host.announceNewScripts();
                    invocation.reply(only.get() + ": " + LOADING_NEW);
                    return;
                }
                List<ScriptPlugin> targets = only
                        .map(id -> host.script(id).map(List::of).orElse(List.of()))
                        .orElse(List.copyOf(scripts.values()));
                if (targets.isEmpty() && (only.isPresent() || added.isEmpty())) {
                    invocation.reply("No script '" + only.orElse("") + "' (known: " + scripts.keySet() + ")");
                    return;
                }
                List<String> lines = new ArrayList<>();
                for (ScriptPlugin script : targets) {
                    lines.add(script.id() + ": " + outcome(script.reload()));
                }
                if (only.isEmpty() && !host.announceNewScripts().isEmpty()) {
                    added.forEach(id -> lines.add(id + ": " + LOADING_NEW));
                }
                invocation.reply(String.join("\n", lines));
            }
            default -> invocation.reply("Usage: scripts [reload [id]]");
        }
    }

    private static String outcome(CompletableFuture<ScriptStatus> reload) {
        try {
            return reload.get(RELOAD_WAIT.toMillis(), TimeUnit.MILLISECONDS).toString();
        } catch (ExecutionException failed) {
            return "failed: " + failed.getCause();
        } catch (TimeoutException late) {
            return "still reloading";
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
