package org.majordome.script;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.majordome.api.event.Affiliation;
import org.majordome.api.room.AffiliationChange;
import org.majordome.api.room.RoomHandle;
import org.slf4j.Logger;

/**
 * The affiliation-list members of a script's room object ({@link RoomHandle#affiliations()}): {@code
 * affiliations(list, callback)} and {@code setAffiliations(changes, callback?)}. Scripts cannot wait, so the
 * answer comes to a callback, run later on the script's thread like a scheduled job.
 */
final class AffiliationBindings {

    private final ScriptPlugin plugin;
    private final ScriptGeneration generation;
    private final Logger log;

    private AffiliationBindings(ScriptPlugin plugin, ScriptGeneration generation, Logger log) {
        this.plugin = plugin;
        this.generation = generation;
        this.log = log;
    }

    /** Adds the members for {@code room} to a room object's members. */
    static void addTo(Map<String, Object> members, RoomHandle room, ScriptPlugin plugin, ScriptGeneration generation,
                      Logger log) {
        AffiliationBindings bindings = new AffiliationBindings(plugin, generation, log);
        members.put("affiliations", (ProxyExecutable) args -> {
            Affiliation list = affiliation(JsData.requiredText(args, 0, "the list (owner, admin, member or outcast)"));
            Value callback = JsData.function(args, 1, "the callback");
            bindings.answer("affiliations(" + list + ") in " + room.roomJid(), room.affiliations().list(list),
                    entries -> entries.orElse(null), callback);
            return null;
        });
        members.put("setAffiliations", (ProxyExecutable) args -> {
            List<AffiliationChange> changes = changes(args);
            Value callback = args.length > 1 && args[1].canExecute() ? args[1] : null;
            bindings.answer("setAffiliations in " + room.roomJid(), room.affiliations().change(changes),
                    AffiliationBindings::results, callback);
            return null;
        });
    }

    private <T> void answer(String what, CompletionStage<T> outcome, java.util.function.Function<T, Object> toPlain,
                            Value callback) {
        outcome.whenComplete((value, failure) -> {
            if (failure != null) {
                log.warn("{}: {} failed: {}", plugin.fileName(), what, failure.toString());
                return;
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

    /** Each result as {@code {jid, affiliation, done, outcome}}; outcome says why when not done. */
    private static Object results(List<AffiliationChange.Result> results) {
        return results.stream().map(result -> {
            Map<String, Object> plain = new LinkedHashMap<>();
            plain.put("jid", result.change().jid());
            plain.put("affiliation", result.change().affiliation());
            plain.put("done", result.result().succeeded());
            plain.put("outcome", result.result().toString());
            return plain;
        }).toList();
    }

    /** The changes: an array of {@code {jid, affiliation, reason?}}. */
    private static List<AffiliationChange> changes(Value[] args) {
        if (args.length == 0 || !args[0].hasArrayElements()) {
            throw new IllegalArgumentException("the changes must be an array of {jid, affiliation, reason?}");
        }
        List<AffiliationChange> changes = new ArrayList<>();
        for (long i = 0; i < args[0].getArraySize(); i++) {
            Value item = args[0].getArrayElement(i);
            String jid = member(item, "jid");
            String affiliation = member(item, "affiliation");
            if (jid == null || affiliation == null) {
                throw new IllegalArgumentException("change " + i + " needs a jid and an affiliation");
            }
            changes.add(new AffiliationChange(jid, affiliation(affiliation),
                    Optional.ofNullable(member(item, "reason")).filter(reason -> !reason.isBlank())));
        }
        return changes;
    }

    private static String member(Value item, String name) {
        if (item == null || !item.hasMember(name) || item.getMember(name).isNull()) {
            return null;
        }
        Value value = item.getMember(name);
        return value.isString() ? value.asString() : value.toString();
    }

    private static Affiliation affiliation(String text) {
        try {
            return Affiliation.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not an affiliation (owner, admin, member, outcast, "
                    + "none)");
        }
    }
}
