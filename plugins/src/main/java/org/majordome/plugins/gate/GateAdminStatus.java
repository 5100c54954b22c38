package org.majordome.plugins.gate;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.majordome.api.admin.AdminCommand;
import org.majordome.api.admin.AdminRequest;
import org.majordome.api.admin.AdminResult;
import org.majordome.api.text.Texts;
import org.majordome.api.text.Wording;

/**
 * The administration command {@code gate/status}: how the gate of every room that enables it stands, what
 * {@code !gate} says in one room, for the bot's administrators in their XMPP client (XEP-0050), in the language
 * their client asks for.
 */
final class GateAdminStatus implements AdminCommand {

    private final Supplier<List<String>> rooms;
    private final BiFunction<String, Wording, String> describe;
    private final Texts texts;

    GateAdminStatus(Supplier<List<String>> rooms, BiFunction<String, Wording, String> describe, Texts texts) {
        this.rooms = rooms;
        this.describe = describe;
        this.texts = texts;
    }

    @Override
    public String node() {
        return "gate/status";
    }

    @Override
    public String name() {
        return name(Locale.ENGLISH);
    }

    @Override
    public String name(Locale language) {
        return texts.inLanguage(language).format("admin.status.name");
    }

    @Override
    public AdminResult run(AdminRequest request) {
        Wording wording = texts.inLanguage(request.language());
        List<String> jids = rooms.get();
        if (jids.isEmpty()) {
            return AdminResult.done(wording.format("admin.status.none"));
        }
        return AdminResult.done(jids.stream()
                .map(jid -> wording.format("admin.status.room", jid, describe.apply(jid, wording)))
                .collect(Collectors.joining("\n")));
    }
}
