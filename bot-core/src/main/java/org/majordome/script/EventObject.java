package org.majordome.script;

import java.util.Arrays;
import java.util.Optional;

import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.majordome.api.event.BotEvent;
import org.majordome.api.event.DirectMessageReceivedEvent;
import org.majordome.api.event.PrivateMessageReceivedEvent;
import org.majordome.api.event.RoomEvent;
import org.majordome.api.event.RoomMessageReceivedEvent;
import org.majordome.api.room.MessageRef;
import org.majordome.api.room.RoomHandle;

/**
 * An event as its handlers see it: {@code type} (the record's name without {@code Event}), the record's
 * components ({@link HostData}), then {@code room} (a room event whose room the bot keeps) and {@code reply}
 * (messages) where they make sense. Read-only and made lazily ({@link LazyObject}): a handler that does not
 * look at the event costs nothing more than the call, and the room's object is looked up only when a handler
 * needs it.
 */
final class EventObject extends LazyObject {

    private static final String ROOM = "room";
    private static final String REPLY = "reply";

    /** Per event class: its member names without and with {@code room} and {@code reply} (index: room + 2 × reply). */
    private static final ClassValue<String[][]> SHAPES = new ClassValue<>() {
        @Override
        protected String[][] computeValue(Class<?> type) {
            @SuppressWarnings("unchecked")
            String[] components = HostData.componentNames((Class<? extends Record>) type);
            String[] bare = new String[components.length + 1];
            bare[0] = "type";
            System.arraycopy(components, 0, bare, 1, components.length);
            return new String[][] {bare, with(bare, ROOM), with(bare, REPLY), with(bare, ROOM, REPLY)};
        }

        private static String[] with(String[] names, String... more) {
            String[] all = Arrays.copyOf(names, names.length + more.length);
            System.arraycopy(more, 0, all, names.length, more.length);
            return all;
        }
    };

    private final BotEvent event;
    private final BotFacade facade;
    private final String type;
    private Optional<RoomHandle> handle;

    EventObject(BotEvent event, String type, BotFacade facade) {
        this.event = event;
        this.type = type;
        this.facade = facade;
    }

    private Optional<RoomHandle> handle() {
        if (handle == null) {
            handle = event instanceof RoomEvent roomEvent ? facade.context().rooms().room(roomEvent.roomJid()) : Optional.empty();
        }
        return handle;
    }

    @Override
    protected String[] memberNames() {
        boolean room = handle().isPresent();
        boolean reply = event instanceof DirectMessageReceivedEvent
                || room && (event instanceof RoomMessageReceivedEvent || event instanceof PrivateMessageReceivedEvent);
        return SHAPES.get(event.getClass())[(room ? 1 : 0) + (reply ? 2 : 0)];
    }

    @Override
    protected Object memberValue(int index) {
        if (index == 0) {
            return type;
        }
        int components = SHAPES.get(event.getClass())[0].length - 1;
        if (index <= components) {
            return HostData.toScript(HostData.component((Record) event, index - 1));
        }
        // After the components: "room" when there is a room, then "reply" when there is one.
        boolean isRoom = index == components + 1 && handle().isPresent();
        return isRoom ? facade.roomObject(handle().get()) : JsFunction.named(REPLY, reply());
    }

    private ProxyExecutable reply() {
        return switch (event) {
            case RoomMessageReceivedEvent message -> args -> {
                facade.act("reply", handle().orElseThrow().reply(MessageRef.of(message), JsData.requiredText(args, 0, "the text")));
                return null;
            };
            case PrivateMessageReceivedEvent message -> args -> {
                facade.act("private reply", handle().orElseThrow().sendPrivate(message.sender().nick(),
                        JsData.requiredText(args, 0, "the text")));
                return null;
            };
            case DirectMessageReceivedEvent message -> args -> {
                facade.act("direct reply", facade.context().directChat().send(message.senderFullJid(),
                        JsData.requiredText(args, 0, "the text")));
                return null;
            };
            default -> throw new IllegalStateException("no reply for " + type);
        };
    }
}
