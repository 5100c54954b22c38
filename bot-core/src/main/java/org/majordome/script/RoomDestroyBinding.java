package org.majordome.script;

import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

import org.graalvm.polyglot.proxy.ProxyExecutable;
import org.majordome.api.room.ActionResult;
import org.majordome.api.room.RoomHandle;

/**
 * A script room's {@code destroy(reason?, alternativeRoom?)}: {@link RoomHandle#destroy}, fire-and-forget like the
 * other room actions of {@link BotFacade} (what does not succeed is logged through {@code act}).
 */
final class RoomDestroyBinding {

    private RoomDestroyBinding() {
    }

    /** @param act how the façade reports an action's outcome: what it was, and its result */
    static ProxyExecutable destroy(RoomHandle room, BiConsumer<String, CompletionStage<ActionResult>> act) {
        return args -> {
            act.accept("destroy " + room.roomJid(), room.destroy(JsData.text(args, 0, ""), JsData.text(args, 1, "")));
            return null;
        };
    }
}
