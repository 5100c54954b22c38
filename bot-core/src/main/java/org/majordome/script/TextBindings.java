package org.majordome.script;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.majordome.api.text.Texts;
import org.majordome.api.text.Wording;

/**
 * The script side of {@link Texts}: {@code room.format(key, ...args)}, {@code cmd.format(key, ...args)} (and
 * {@code cmd.formatPrivately}), {@code bot.texts.forUser(jid, key, ...args)} and {@code bot.texts.byDefault(key,
 * ...args)}, with the script's own bundle ({@code name.properties}, {@code name_fr.properties}... beside
 * {@code name.js}). Arguments are JavaScript values: numbers (plural rules apply to them), strings, Dates (shown as
 * moments in the audience's zone), or one plain object for named placeholders ({@code {nick}}).
 */
final class TextBindings {

    private TextBindings() {
    }

    /** {@code bot.texts}. */
    static ProxyObject botTexts(Texts texts) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("forUser", (ProxyExecutable) args -> format(texts.toUser(JsData.requiredText(args, 0, "the JID")),
                args, 1));
        members.put("byDefault", (ProxyExecutable) args -> format(texts.byDefault(), args, 0));
        return JsData.object(members);
    }

    /** A {@code format(key, ...args)} function for one audience. */
    static ProxyExecutable formatter(java.util.function.Supplier<Wording> wording) {
        return args -> format(wording.get(), args, 0);
    }

    /** {@code args[keyIndex]} is the key, the rest its arguments. */
    static String format(Wording wording, Value[] args, int keyIndex) {
        String key = JsData.requiredText(args, keyIndex, "the text's key");
        int first = keyIndex + 1;
        if (args.length == first + 1 && isPlainObject(args[first])) {
            Map<String, Object> named = new LinkedHashMap<>();
            for (String member : args[first].getMemberKeys()) {
                named.put(member, host(args[first].getMember(member)));
            }
            return wording.format(key, named);
        }
        Object[] positional = new Object[Math.max(0, args.length - first)];
        for (int i = 0; i < positional.length; i++) {
            positional[i] = host(args[first + i]);
        }
        return wording.format(key, positional);
    }

    private static boolean isPlainObject(Value value) {
        return value.hasMembers() && !value.isInstant() && !value.hasArrayElements() && !value.canExecute()
                && !value.isString() && !value.isNumber() && !value.isProxyObject() && !value.isHostObject();
    }

    /** A JavaScript value as the formatter takes it: never a live script object. */
    private static Object host(Value value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isInstant()) {
            return Instant.from(value.asInstant());
        }
        if (value.isNumber()) {
            return value.fitsInLong() ? (Object) value.asLong() : (Object) value.asDouble();
        }
        if (value.isBoolean()) {
            return Boolean.toString(value.asBoolean());
        }
        return value.isString() ? value.asString() : value.toString();
    }
}
