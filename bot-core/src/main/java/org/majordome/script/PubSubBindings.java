package org.majordome.script;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.majordome.api.PluginContext;
import org.majordome.api.pubsub.Following;
import org.majordome.api.pubsub.NodeAccess;
import org.majordome.api.pubsub.NodeAddress;
import org.majordome.api.pubsub.NodeListener;
import org.majordome.api.pubsub.PubSub;
import org.majordome.api.room.ActionResult;
import org.slf4j.Logger;

/**
 * The script's {@code bot.pubsub} ({@link PubSub}): {@code items}, {@code follow}, {@code publish}, {@code retract}
 * and {@code own}. Answers come to callbacks, run later on the script's thread, as with the room's affiliation
 * lists; scripts get item ids as plain strings and arrays, never host objects. What a version of the script follows
 * is followed until that version is replaced or the script stops ({@link ScriptGeneration#retire}).
 */
final class PubSubBindings {

    /** Payloads that are not XML are carried as the text of this element. */
    static final String TEXT_NAMESPACE = "urn:majordome:script:text:0";

    private final ScriptPlugin plugin;
    private final ScriptGeneration generation;
    private final PluginContext<?> context;
    private final Logger log;

    private PubSubBindings(ScriptPlugin plugin, ScriptGeneration generation, PluginContext<?> context, Logger log) {
        this.plugin = plugin;
        this.generation = generation;
        this.context = context;
        this.log = log;
    }

    /** The {@code bot.pubsub} object of one version of a script. */
    static ProxyObject create(ScriptPlugin plugin, ScriptGeneration generation, PluginContext<?> context, Logger log) {
        PubSubBindings bindings = new PubSubBindings(plugin, generation, context, log);
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("items", (ProxyExecutable) args -> {
            NodeAddress node = node(args);
            Value callback = JsData.function(args, 2, "the callback");
            bindings.answer("items of " + node, bindings.pubsub().itemIds(node), ids -> ids.orElse(null), callback);
            return null;
        });
        members.put("follow", (ProxyExecutable) args -> bindings.follow(node(args), args.length > 2 ? args[2] : null));
        members.put("publish", (ProxyExecutable) args -> {
            NodeAddress node = node(args);
            String id = JsData.requiredText(args, 2, "the item id");
            String payload = payload(JsData.text(args, 3, ""));
            bindings.answer("publish " + id + " on " + node, bindings.pubsub().publish(node, id, payload),
                    PubSubBindings::result, optionalFunction(args, 4));
            return null;
        });
        members.put("retract", (ProxyExecutable) args -> {
            NodeAddress node = node(args);
            String id = JsData.requiredText(args, 2, "the item id");
            bindings.answer("retract " + id + " from " + node, bindings.pubsub().retract(node, id),
                    PubSubBindings::result, optionalFunction(args, 3));
            return null;
        });
        members.put("own", (ProxyExecutable) args -> {
            NodeAddress node = node(args);
            NodeAccess access = access(args.length > 2 ? args[2] : null);
            bindings.answer("own " + node, bindings.pubsub().ownNode(node, access), PubSubBindings::result,
                    optionalFunction(args, 3));
            return null;
        });
        return JsData.object(members);
    }

    /** Asked for at each call: a context without publish-subscribe refuses only the scripts that use it. */
    private PubSub pubsub() {
        return context.pubsub();
    }

    /**
     * Follows once the version is active (a version that fails to load follows nothing), until it is retired or
     * the script calls {@code stop()} on the object returned.
     */
    private ProxyObject follow(NodeAddress node, Value handlers) {
        if (handlers == null || !handlers.hasMembers()) {
            throw new IllegalArgumentException("follow needs handlers such as {published: id => ..., retracted: id => ...}");
        }
        Handle handle = new Handle();
        NodeListener listener = new ScriptListener(node, handlers);
        generation.whenActive(() -> {
            if (!handle.stopped) {
                handle.following = pubsub().follow(node, listener);
                generation.addFollowing(handle.following);
            }
        });
        return JsData.object(Map.of(
                "service", node.service(),
                "node", node.node(),
                "stop", (ProxyExecutable) args -> {
                    handle.stopped = true;
                    Following current = handle.following;
                    if (current != null) {
                        generation.stopFollowing(current);
                    }
                    return null;
                }));
    }

    /** What {@code stop()} closes; set when the version is active (the script's thread sets and reads both). */
    private static final class Handle {
        private volatile boolean stopped;
        private volatile Following following;
    }

    /** Passes the node's news to the script's handlers; a handler the script did not give is skipped. */
    private final class ScriptListener implements NodeListener {
        private final NodeAddress node;
        private final Value handlers;

        ScriptListener(NodeAddress node, Value handlers) {
            this.node = node;
            this.handlers = handlers;
        }

        @Override
        public void snapshot(Set<String> itemIds) {
            call("snapshot", List.copyOf(itemIds));
        }

        @Override
        public void published(String itemId) {
            call("published", itemId);
        }

        @Override
        public void retracted(String itemId) {
            call("retracted", itemId);
        }

        @Override
        public void unavailable(String why) {
            call("unavailable", why);
        }

        private void call(String name, Object plain) {
            plugin.callIn(generation, name + " on " + node, () -> {
                Value handler = handlers.getMember(name);
                if (handler != null && handler.canExecute()) {
                    handler.execute(plain instanceof String text ? text : generation.toJs(plain));
                }
            });
        }
    }

    private <T> void answer(String what, CompletionStage<T> outcome, Function<T, Object> toPlain, Value callback) {
        outcome.whenComplete((value, failure) -> {
            if (failure != null) {
                log.warn("{}: {} failed: {}", plugin.fileName(), what, failure.toString());
                return;
            }
            if (value instanceof ActionResult result && !result.succeeded()) {
                log.warn("{}: {} did not succeed: {}", plugin.fileName(), what, result);
            }
            if (callback == null) {
                return;
            }
            try {
                Object plain = JsData.plain(toPlain.apply(value));
                plugin.callIn(generation, what, () -> callback.execute(generation.toJs(plain)));
            } catch (RuntimeException e) {
                log.warn("{}: the callback of {} failed: {}", plugin.fileName(), what, e.getMessage());
            }
        });
    }

    /** An action's outcome as {@code {done, outcome}}; outcome says why when not done. */
    private static Object result(ActionResult result) {
        Map<String, Object> plain = new LinkedHashMap<>();
        plain.put("done", result.succeeded());
        plain.put("outcome", result.toString());
        return plain;
    }

    private static NodeAddress node(Value[] args) {
        return new NodeAddress(JsData.requiredText(args, 0, "the pubsub service"), JsData.requiredText(args, 1, "the node"));
    }

    private static Value optionalFunction(Value[] args, int index) {
        return index < args.length && args[index].canExecute() ? args[index] : null;
    }

    /** XML (text starting with {@code <}) as it is; any other text as the text of a {@link #TEXT_NAMESPACE} element. */
    static String payload(String text) {
        if (text.stripLeading().startsWith("<")) {
            return text.strip();
        }
        StringBuilder xml = new StringBuilder("<text xmlns='" + TEXT_NAMESPACE + "'>");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '&' -> xml.append("&amp;");
                default -> xml.append(c);
            }
        }
        return xml.append("</text>").toString();
    }

    /** {@code {access: 'open' | 'whitelist', subscribers: [jids]}}; open when absent. */
    private static NodeAccess access(Value options) {
        if (options == null || options.isNull() || !options.hasMember("access") || options.getMember("access").isNull()) {
            return NodeAccess.open();
        }
        Value access = options.getMember("access");
        String model = (access.isString() ? access.asString() : access.toString()).strip().toLowerCase(Locale.ROOT);
        return switch (model) {
            case "open" -> NodeAccess.open();
            case "whitelist" -> NodeAccess.whitelist(JsData.texts(options.getMember("subscribers")));
            default -> throw new IllegalArgumentException("unknown access '" + model + "' (open or whitelist)");
        };
    }
}
