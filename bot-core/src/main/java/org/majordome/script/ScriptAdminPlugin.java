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
import org.majordome.api.text.Texts;
import org.majordome.api.text.Wording;

/**
 * The {@code scripts} plugin: {@code !scripts} lists the JavaScript plugins and their state,
 * {@code !scripts reload [id]} reloads them from their files (and re-enables disabled ones). A script file the
 * watcher has not handed over yet is listed as new; reloading it (all, or by id) hands it over now, and the
 * runtime loads that one script alone. Bot admins only. It answers in the asker's language (its bundle is
 * {@code org/majordome/script/messages*.properties}).
 */
public final class ScriptAdminPlugin implements Plugin<NoConfig> {

    /** This plugin's id, reserved: no script may take it. */
    public static final String ID = "scripts";
    private static final Duration RELOAD_WAIT = Duration.ofSeconds(15);

    private final ScriptHost host;
    private volatile Texts texts;

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
        // Stateless but for its texts: everything else is in the host.
        this.texts = context.texts();
    }

    @Command(name = "scripts", usage = "[reload [id]]", help = "Lists the JavaScript plugins, or reloads them from their files.",
            permission = Permission.BOT_ADMIN, scopes = {CommandScope.ROOM, CommandScope.PRIVATE, CommandScope.DIRECT},
            maxArgs = 2)
    public void scripts(CommandInvocation invocation) {
        String action = invocation.argument(0).orElse("list");
        Map<String, ScriptPlugin> scripts = host.scripts();
        Wording wording = texts.replyTo(invocation);
        switch (action) {
            case "list" -> {
                List<String> lines = new ArrayList<>();
                scripts.forEach((id, script) -> lines.add(wording.format("scripts.line", id,
                        script.status().in(wording))));
                host.newScriptIds().forEach(id -> lines.add(wording.format("scripts.line", id,
                        wording.format("scripts.new-file"))));
                invocation.reply(lines.isEmpty() ? wording.format("scripts.none") : String.join("\n", lines));
            }
            case "reload" -> {
                Optional<String> only = invocation.argument(1);
                List<String> added = host.newScriptIds();
                if (only.isPresent() && added.contains(only.get())) {
                    host.announceNewScripts();
                    invocation.reply(wording.format("scripts.line", only.get(), wording.format("scripts.loading-new")));
                    return;
                }
                List<ScriptPlugin> targets = only
                        .map(id -> host.script(id).map(List::of).orElse(List.of()))
                        .orElse(List.copyOf(scripts.values()));
                if (targets.isEmpty() && (only.isPresent() || added.isEmpty())) {
                    invocation.reply(wording.format("scripts.unknown", only.orElse(""),
                            wording.list(List.copyOf(scripts.keySet()))));
                    return;
                }
                List<String> lines = new ArrayList<>();
                for (ScriptPlugin script : targets) {
                    lines.add(wording.format("scripts.line", script.id(), outcome(script.reload(), wording)));
                }
                if (only.isEmpty() && !host.announceNewScripts().isEmpty()) {
                    added.forEach(id -> lines.add(wording.format("scripts.line", id,
                            wording.format("scripts.loading-new"))));
                }
                invocation.reply(String.join("\n", lines));
            }
            default -> invocation.reply(wording.format("scripts.usage"));
        }
    }

    private static String outcome(CompletableFuture<ScriptStatus> reload, Wording wording) {
        try {
            return reload.get(RELOAD_WAIT.toMillis(), TimeUnit.MILLISECONDS).in(wording);
        } catch (ExecutionException failed) {
            return wording.format("scripts.reload-failed", String.valueOf(failed.getCause()));
        } catch (TimeoutException late) {
            return wording.format("scripts.still-reloading");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return wording.format("scripts.interrupted");
        }
    }
}
