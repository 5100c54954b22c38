package org.majordome.room;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import org.jivesoftware.smack.packet.Message;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.api.room.ActionResult;
import org.majordome.api.text.Wording;
import org.majordome.xmpp.XmppSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Direct messages from the bot: to anyone (for plugins), and the notices the rooms send its administrators, in the
 * bot's language.
 */
final class AdminNotices {

    private static final Logger log = LoggerFactory.getLogger(AdminNotices.class);

    private final BiFunction<String, String, CompletionStage<ActionResult>> send;
    private final Wording wording;
    /** The bot's administrators in the configuration in force (a reload may change them). */
    private volatile Supplier<Set<EntityBareJid>> admins = Set::of;

    /** @param wording the runtime's texts in the bot's language ({@code runtime.language}) */
    AdminNotices(BiFunction<String, String, CompletionStage<ActionResult>> send, Wording wording) {
        this.send = send;
        this.wording = wording;
    }

    void tellAdminsOf(Supplier<Set<EntityBareJid>> administrators) {
        this.admins = administrators;
    }

    void tell(AdminNotice said) {
        String notice = said.in(wording);
        for (EntityBareJid admin : admins.get()) {
            send.apply(admin.toString(), notice).thenAccept(result -> {
                if (!result.succeeded()) {
                    log.warn("Could not tell administrator {}: {}", admin, result);
                }
            });
        }
    }

    /** A chat message to {@code jid}, sent on the caller's thread: a plugin's messages keep the order it wrote them in. */
    static CompletionStage<ActionResult> directMessage(XmppSession session, String jid, String text) {
        if (!session.isOnline()) {
            return CompletableFuture.completedFuture(new ActionResult.Failed("not connected"));
        }
        return CompletableFuture.completedFuture(RoomActions.run(() -> {
            session.connection().sendStanza(session.connection().getStanzaFactory().buildMessageStanza()
                    .ofType(Message.Type.chat).to(JidCreate.from(jid)).setBody(text).build());
            return ActionResult.DONE;
        }));
    }
}
