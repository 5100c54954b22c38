package org.majordome.script;

import java.util.LinkedHashMap;
import java.util.Map;

import org.majordome.api.command.CommandInvocation;
import org.majordome.api.room.RoomHandle;

/**
 * A command invocation as its handler sees it ({@code CommandCall} in {@code majordome.d.ts}): read-only and made
 * lazily like an event ({@link EventObject}), so that a helper taking either ({@code target.reply(text)}) meets
 * the same kind of object: GraalJS 25.0.2 fails such a call site ("execute ... Message not supported") once it
 * has seen a JavaScript object whose member is a host function and then gets a proxy
 * ({@code ScriptEventObjectTest.aHelperCanTakeACommandAndAnEventAlike}). {@code args} stays a plain JavaScript array of the script's own, as before, so that
 * handlers may consume it ({@code cmd.args.shift()}).
 */
final class CommandObject extends LazyObject {

    private static final String[] NAMES = {"name", "args", "argText", "sender", "permission", "scope", "roomJid",
            "reply", "replyPrivately", "room", "format", "formatPrivately"};

    private final CommandInvocation invocation;
    private final BotFacade facade;

    CommandObject(CommandInvocation invocation, BotFacade facade) {
        this.invocation = invocation;
        this.facade = facade;
    }

    @Override
    protected String[] memberNames() {
        return NAMES;
    }

    @Override
    protected Object memberValue(int index) {
        String name = invocation.spec().name();
        return switch (index) {
            case 0 -> name;
            case 1 -> facade.generation().jsArray(invocation.arguments());
            case 2 -> invocation.argumentText();
            case 3 -> {
                Map<String, Object> sender = new LinkedHashMap<>();
                sender.put("nick", invocation.sender().occupant().map(o -> o.nick()).orElse(null));
                sender.put("jid", invocation.sender().bareJid().orElse(null));
                sender.put("displayName", invocation.sender().displayName());
                sender.put("occupant", invocation.sender().occupant());
                yield HostData.toScript(sender);
            }
            case 4 -> HostData.toScript(invocation.senderPermission());
            case 5 -> HostData.toScript(invocation.scope());
            case 6 -> invocation.room().map(RoomHandle::roomJid).orElse(null);
            case 7 -> JsFunction.named("reply", args -> {
                facade.act("reply to " + name, invocation.reply(JsData.requiredText(args, 0, "the text")));
                return null;
            });
            case 8 -> JsFunction.named("replyPrivately", args -> {
                facade.act("private reply to " + name, invocation.replyPrivately(JsData.requiredText(args, 0, "the text")));
                return null;
            });
            case 9 -> invocation.room().map(facade::roomObject).orElse(null);
            case 10 -> JsFunction.named("format", TextBindings.formatter(() -> facade.context().texts()
                    .replyTo(invocation)));
            default -> JsFunction.named("formatPrivately", TextBindings.formatter(() -> facade.context().texts()
                    .privatelyTo(invocation)));
        };
    }
}
