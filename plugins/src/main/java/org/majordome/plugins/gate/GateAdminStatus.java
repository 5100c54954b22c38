package org.majordome.plugins.gate;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.majordome.api.admin.AdminCommand;
import org.majordome.api.admin.AdminRequest;
import org.majordome.api.admin.AdminResult;

/**
 * The administration command {@code gate/status}: how the gate of every room that enables it stands, what
 * {@code !gate} says in one room, for the bot's administrators in their XMPP client (XEP-0050).
 */
final class GateAdminStatus implements AdminCommand {

    private final Supplier<List<String>> rooms;
    private final Function<String, String> describe;

    GateAdminStatus(Supplier<List<String>> rooms, Function<String, String> describe) {
        this.rooms = rooms;
        this.describe = describe;
    }

    @Override
    public String node() {
        return "gate/status";
    }

    @Override
    public String name() {
        return "Newcomers' gates";
    }

    @Override
    public AdminResult run(AdminRequest request) {
        List<String> jids = rooms.get();
        if (jids.isEmpty()) {
            return AdminResult.done("No room enables the gate.");
        }
        return AdminResult.done(jids.stream().map(jid -> jid + ": " + describe.apply(jid))
                .collect(Collectors.joining("\n")));
    }
}
