package org.majordome.script;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.majordome.api.PluginContext;

/**
 * A script's {@code bot.checkNicks(function (room, nick) { ... })}: {@link PluginContext#checkNicks}. The function
 * runs on the script's thread, like its handlers, while the visitor waits (a call over the script's time limit
 * counts as no objection); it returns the refusal's words, or nothing to let the nick pass. The check goes with the
 * version of the script that registered it.
 */
final class NickCheckBinding {

    private NickCheckBinding() {
    }

    static ProxyExecutable create(ScriptPlugin plugin, ScriptGeneration generation, PluginContext<?> context) {
        return args -> {
            Value check = JsData.function(args, 0, "the nick check");
            generation.whenActive(() -> generation.addNickCheck(context.checkNicks((room, nick) -> {
                AtomicReference<String> refusal = new AtomicReference<>();
                plugin.callIn(generation, "nick check", () -> {
                    Value answer = check.execute(room, nick);
                    if (answer != null && answer.isString() && !answer.asString().isBlank()) {
                        refusal.set(answer.asString());
                    }
                });
                return Optional.ofNullable(refusal.get());
            })));
            return null;
        };
    }
}
