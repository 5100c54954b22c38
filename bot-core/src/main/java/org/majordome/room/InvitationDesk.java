package org.majordome.room;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StandardExtensionElement;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.api.text.Wording;
import org.majordome.config.BotConfig;
import org.majordome.config.DesiredRoomConfig;
import org.majordome.config.RoomSettings;
import org.majordome.config.Secret;
import org.majordome.intake.Invitation;
import org.majordome.store.InvitedRoomTable;
import org.majordome.text.TextService;
import org.majordome.xmpp.XmppSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers invitations to rooms: one from someone allowed to invite ({@link InvitationPolicy}) makes the bot join the
 * room, running {@code invitations.plugins}, and with {@code invitations.keep: across-restarts} the room is stored
 * and joined again after a restart; the others are declined. A mediated invitation (XEP-0045 §7.8.2) is declined
 * through the room ({@code <decline/>}, §7.8.2), which tells the inviter. A direct one (XEP-0249) has no decline:
 * the bot answers the inviter with a chat message saying why, since a silent bot leaves a person wondering whether
 * the invitation arrived; it goes only to the sender the server authenticated, never to an address written in the
 * invitation, so the bot cannot be made to message a third party, and repeats are dropped before they reach here.
 *
 * <p>Rooms joined so stay across configuration reloads ({@link #keptBesides}); an administrator's {@code leave}
 * forgets them ({@link #forget}). The decisions run on a worker of their own, never on Smack's listener thread.
 */
public final class InvitationDesk implements Consumer<Invitation>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InvitationDesk.class);

    private final XmppSession session;
    private final RoomKeeper keeper;
    private final Supplier<BotConfig> config;
    private final InvitedRoomTable table;
    private final Clock clock;
    /** The rooms joined on an invitation while the bot runs (and those stored), by bare JID. */
    private final Map<EntityBareJid, RoomSettings> invited = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("invitations").daemon().factory());

    /**
     * @param config the configuration in force (a reload may change who may invite and what invited rooms run)
     * @param stored the invited rooms joined again at start ({@link #storedRooms}), kept across reloads like new ones
     */
    public InvitationDesk(XmppSession session, RoomKeeper keeper, Supplier<BotConfig> config, InvitedRoomTable table,
                          List<RoomSettings> stored, Clock clock) {
        this.session = session;
        this.keeper = keeper;
        this.config = config;
        this.table = table;
        this.clock = clock;
        stored.forEach(room -> invited.put(room.jid(), room));
    }

    /**
     * The rooms stored by earlier runs that this configuration keeps across restarts (none when it does not: then
     * the table is emptied, so that turning the setting on again later brings no forgotten room back), the rooms
     * the file declares left out.
     */
    public static List<RoomSettings> storedRooms(InvitedRoomTable table, BotConfig config) {
        if (!config.invitations().keepAcrossRestarts()) {
            table.clear();
            return List.of();
        }
        Set<EntityBareJid> declared = new HashSet<>(config.rooms().stream().map(RoomSettings::jid).toList());
        List<RoomSettings> rooms = new ArrayList<>();
        for (String text : table.rooms()) {
            try {
                EntityBareJid jid = JidCreate.entityBareFrom(text);
                if (!declared.contains(jid)) {
                    rooms.add(settingsFor(jid, Optional.empty(), config));
                }
            } catch (org.jxmpp.stringprep.XmppStringprepException e) {
                log.warn("Stored invited room '{}' is not a room address: ignored", text);
            }
        }
        return rooms;
    }

    /**
     * How the bot keeps a room the file does not declare: the plugins of {@code invitations.plugins}, and no
     * settings enforced (the room is someone else's) but persistence, as for a room an administrator asks it to join.
     */
    public static RoomSettings settingsFor(EntityBareJid room, Optional<Secret> password, BotConfig config) {
        return new RoomSettings(room, Optional.empty(), password, DesiredRoomConfig.persistentOnly(),
                config.invitations().plugins());
    }

    /** On Smack's listener thread: hands the invitation to this desk's worker. */
    @Override
    public void accept(Invitation invitation) {
        try {
            worker.execute(() -> answer(invitation));
        } catch (RejectedExecutionException stopping) {
            log.debug("Room {}: invitation ignored, the bot is stopping", invitation.room());
        }
    }

    void answer(Invitation invitation) {
        BotConfig current = config.get();
        Set<EntityBareJid> mayInvite = new HashSet<>(current.admins());
        mayInvite.addAll(current.invitations().alsoFrom());
        InvitationPolicy.Decision decision = InvitationPolicy.decide(invitation, mayInvite);
        if (!decision.accepted()) {
            log.info("Room {}: declined the {} invitation from {}: {}", invitation.room(), form(invitation),
                    invitation.inviter(), reasonIn(Locale.ENGLISH, decision.reason()));
            decline(invitation, reasonIn(language(invitation.room(), current), decision.reason()));
            return;
        }
        EntityBareJid room = invitation.room();
        RoomSettings settings = settingsFor(room, invitation.password().map(text -> new Secret(text, "room password")),
                current);
        if (!keeper.keepAlso(settings)) {
            log.info("Room {}: invited by {}, and kept already", room, decision.inviter().orElseThrow());
            return;
        }
        invited.put(room, settings);
        log.info("Room {}: joining on the {} invitation of {}, with plugins {}{}", room, form(invitation),
                decision.inviter().orElseThrow(), settings.plugins(),
                current.invitations().keepAcrossRestarts() ? ", kept across restarts" : ", until the bot stops");
        if (current.invitations().keepAcrossRestarts()) {
            try {
                table.put(room.toString(), decision.inviter().orElseThrow().toString(), clock.instant());
            } catch (RuntimeException e) {
                log.warn("Room {}: could not store the invitation, the room is kept until the bot stops: {}", room,
                        e.toString());
            }
        }
    }

    private void decline(Invitation invitation, String reason) {
        if (!session.isOnline()) {
            return;
        }
        try {
            Message answer = invitation.form() == Invitation.Form.MEDIATED
                    ? session.connection().getStanzaFactory().buildMessageStanza().to(invitation.room())
                            .addExtension(declineElement(invitation, reason)).build()
                    : session.connection().getStanzaFactory().buildMessageStanza().ofType(Message.Type.chat)
                            .to(invitation.inviter()).setBody(reasonWording(language(invitation.room(), config.get()))
                                    .format("invitation.declined", invitation.room().toString(), reason))
                            .build();
            session.connection().sendStanza(answer);
        } catch (org.jivesoftware.smack.SmackException.NotConnectedException e) {
            log.debug("Room {}: decline not sent, offline", invitation.room());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * {@code <x xmlns='muc#user'><decline to='…'><reason/></decline></x>}, built by hand: Smack's decline takes only
     * a bare JID, while the inviter a room hides is only reachable as its {@code room/nick}.
     */
    static StandardExtensionElement declineElement(Invitation invitation, String reason) {
        return StandardExtensionElement.builder(MUCUser.ELEMENT, MUCUser.NAMESPACE)
                .addElement(StandardExtensionElement.builder("decline", MUCUser.NAMESPACE)
                        .addAttribute("to", invitation.inviter().toString())
                        .addElement("reason", reason).build())
                .build();
    }

    /** The room's language when the configuration declares the room, else the bot's. */
    static Locale language(EntityBareJid room, BotConfig config) {
        return config.rooms().stream().filter(settings -> settings.jid().equals(room)).findFirst()
                .flatMap(settings -> settings.texts().language()).orElse(config.runtime().language());
    }

    /** A decline's reason ({@link InvitationPolicy}'s key) in that language. */
    static String reasonIn(Locale language, String reasonKey) {
        return reasonWording(language).format(reasonKey);
    }

    private static Wording reasonWording(Locale language) {
        return TextService.runtimeWording(language, java.time.ZoneOffset.UTC);
    }

    private static String form(Invitation invitation) {
        return invitation.form() == Invitation.Form.MEDIATED ? "mediated" : "direct";
    }

    /**
     * The rooms joined on an invitation that a new configuration does not declare, with that configuration's
     * plugins: a reload keeps them.
     */
    public List<RoomSettings> keptBesides(BotConfig next) {
        Set<EntityBareJid> declared = new HashSet<>(next.rooms().stream().map(RoomSettings::jid).toList());
        return invited.values().stream().filter(room -> !declared.contains(room.jid()))
                .map(room -> settingsFor(room.jid(), room.password(), next)).toList();
    }

    /** Stops keeping a room across reloads and restarts (an administrator made the bot leave it). */
    public void forget(EntityBareJid room) {
        if (invited.remove(room) != null) {
            try {
                table.delete(room.toString());
            } catch (RuntimeException e) {
                log.warn("Room {}: could not forget the stored invitation: {}", room, e.toString());
            }
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
