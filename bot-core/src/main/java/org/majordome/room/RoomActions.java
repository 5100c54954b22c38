package org.majordome.room;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smackx.muc.MUCAffiliation;
import org.jivesoftware.smackx.muc.MUCRole;
import org.jivesoftware.smackx.muc.packet.MUCAdmin;
import org.jivesoftware.smackx.muc.packet.MUCItem;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jivesoftware.smackx.sid.element.OriginIdElement;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;
import org.majordome.api.event.Occupant;
import org.majordome.api.room.ActionResult;
import org.majordome.api.room.ConfigOverlay;
import org.majordome.api.room.Feature;
import org.majordome.api.room.MessageRef;
import org.majordome.api.room.RoomAffiliations;
import org.majordome.api.room.RoomHandle;
import org.majordome.intake.Snapshots;
import org.majordome.xmpp.XmppSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link RoomHandle} of a kept room: every action becomes XEP-0045 (and XEP-0425, XEP-0461)
 * stanzas, sent from a virtual thread so that the caller never waits on the server.
 */
final class RoomActions implements RoomHandle {

    private static final Logger LOG = LoggerFactory.getLogger(RoomActions.class);
    static final String MODERATION_V0 = "urn:xmpp:message-moderate:0";
    static final String MODERATION_V1 = "urn:xmpp:message-moderate:1";
    static final String STANZA_IDS = "urn:xmpp:sid:0";

    private final KeptRoom room;
    private final XmppSession session;
    private final Executor executor;
    private final AdminRequests admin;
    /** Set once the gateways are wired (after the rooms are made); none until then. */
    private volatile Supplier<GatewayBans> gatewayBans = () -> GatewayBans.NONE;

    RoomActions(KeptRoom room, XmppSession session, Executor executor) {
        this.room = room;
        this.session = session;
        this.executor = executor;
        this.admin = new AdminRequests(room, session);
    }

    void useGatewayBans(Supplier<GatewayBans> bans) {
        this.gatewayBans = bans;
    }

    @Override
    public String roomJid() {
        return room.jid().toString();
    }

    @Override
    public String botNick() {
        return room.nick().toString();
    }

    @Override
    public Optional<String> title() {
        return room.title();
    }

    @Override
    public ZoneId timeZone() {
        return room.timeZone();
    }

    @Override
    public java.util.Locale language() {
        return room.language();
    }

    @Override
    public boolean joined() {
        // An instance of a cluster that may no longer act in the room (its lease is running out) is not in it for
        // plugins: their timers skip the room there, and the holder acts instead.
        return room.mayAct();
    }

    @Override
    public boolean supports(Feature feature) {
        Set<String> features = room.features();
        return switch (feature) {
            case STABLE_STANZA_IDS -> features.contains(STANZA_IDS);
            case OCCUPANT_IDS -> features.contains(Snapshots.OCCUPANT_ID_NAMESPACE);
            case MESSAGE_MODERATION -> features.contains(MODERATION_V1) || features.contains(MODERATION_V0);
            case MODERATED -> features.contains("muc_moderated");
        };
    }

    @Override
    public List<Occupant> occupants() {
        return room.occupants();
    }

    @Override
    public Optional<Occupant> occupant(String nick) {
        return room.occupants().stream().filter(occupant -> occupant.nick().equals(nick)).findFirst();
    }

    @Override
    public CompletionStage<ActionResult> send(String text) {
        return say(() -> {
            room.send(text);
            return ActionResult.DONE;
        });
    }

    @Override
    public CompletionStage<ActionResult> reply(MessageRef message, String text) {
        return say(() -> {
            room.reply(message, text);
            return ActionResult.DONE;
        });
    }

    @Override
    public CompletionStage<ActionResult> sendPrivate(String nick, String text) {
        return say(() -> {
            Message message = session.connection().getStanzaFactory().buildMessageStanza()
                    .ofType(Message.Type.chat).to(occupantJid(nick)).setBody(text)
                    // XEP-0045 §7.5: marks the chat as a private message within the room.
                    .addExtension(new MUCUser()).build();
            session.connection().sendStanza(message);
            return ActionResult.DONE;
        });
    }

    @Override
    public CompletionStage<ActionResult> kick(String nick, String reason) {
        return role(nick, MUCRole.none, reason);
    }

    /** Through the gateway when the JID is one of its people (the web chat's visitors share one account). */
    @Override
    public CompletionStage<ActionResult> ban(String realJid, String reason) {
        return GatewayBanning.ban(gatewayBans.get(), room.jid(), realJid, reason, executor,
                bare -> affiliation(bare, MUCAffiliation.outcast, reason), nick -> kick(nick, reason));
    }

    @Override
    public CompletionStage<Optional<List<String>>> banList() {
        if (!room.mayAct()) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return CompletableFuture.supplyAsync(() -> {
            AtomicReference<List<String>> list = new AtomicReference<>();
            ActionResult result = run(() -> {
                list.set(admin.banList());
                return ActionResult.DONE;
            });
            if (!result.succeeded()) {
                LOG.warn("Room {}: could not read the ban list: {}", room.jid(), result);
                return Optional.<List<String>>empty();
            }
            // A gateway's bans are the room's too, though the server never sees them (GatewayBans).
            List<String> both = new java.util.ArrayList<>(list.get());
            both.addAll(gatewayBans.get().bannedIn(room.jid()));
            return Optional.of(List.copyOf(both));
        }, executor);
    }

    @Override
    public CompletionStage<ActionResult> unban(String realJid) {
        return GatewayBanning.unban(gatewayBans.get(), room.jid(), realJid, executor,
                bare -> affiliation(bare, MUCAffiliation.none, null));
    }

    @Override
    public CompletionStage<ActionResult> grantVoice(String nick) {
        return role(nick, MUCRole.participant, null);
    }

    @Override
    public CompletionStage<ActionResult> revokeVoice(String nick) {
        return role(nick, MUCRole.visitor, null);
    }

    @Override
    public CompletionStage<ActionResult> revokeVoice(String nick, String reason) {
        return role(nick, MUCRole.visitor, reason);
    }

    @Override
    public CompletionStage<ActionResult> grantMembership(String realBareJid) {
        return affiliation(realBareJid, MUCAffiliation.member, null);
    }

    @Override
    public CompletionStage<ActionResult> revokeMembership(String realBareJid) {
        return affiliation(realBareJid, MUCAffiliation.none, null);
    }

    @Override
    public CompletionStage<ActionResult> grantAdmin(String realBareJid) {
        return affiliation(realBareJid, MUCAffiliation.admin, null);
    }

    @Override
    public CompletionStage<ActionResult> revokeAdmin(String realBareJid) {
        return affiliation(realBareJid, MUCAffiliation.member, null);
    }

    @Override
    public CompletionStage<ActionResult> grantModerator(String nick) {
        return role(nick, MUCRole.moderator, null);
    }

    @Override
    public CompletionStage<ActionResult> revokeModerator(String nick) {
        return role(nick, MUCRole.participant, null);
    }

    @Override
    public CompletionStage<Optional<String>> subject() {
        // Not on Smack's listener thread, where the subject arrives: plugin code never runs there.
        return room.subjectShown().thenApplyAsync(subject -> subject, executor);
    }

    @Override
    public CompletionStage<ActionResult> setSubject(String text) {
        return act(() -> SubjectRequest.send(session.connection(), room.jid(), room.nick(), groupchat(), text));
    }

    @Override
    public CompletionStage<ActionResult> moderateMessage(String stanzaId, String reason) {
        if (!supports(Feature.MESSAGE_MODERATION)) {
            return CompletableFuture.completedFuture(new ActionResult.NotSupported(
                    "the room does not offer message moderation (XEP-0425)"));
        }
        boolean v1 = room.features().contains(MODERATION_V1);
        return act(() -> {
            IQ request = v1 ? ModerationRequest.v1(stanzaId, reason) : ModerationRequest.v0(stanzaId, reason);
            request.setTo(room.jid());
            session.connection().sendIqRequestAndWaitForResponse(request);
            return ActionResult.DONE;
        });
    }

    @Override
    public CompletionStage<ActionResult> setModerated(boolean moderated) {
        return configure("moderated", RoomConfigPlan.MODERATED, room.settings().desired().moderated(), moderated);
    }

    @Override
    public CompletionStage<ActionResult> setMembersOnly(boolean membersOnly) {
        return configure("members-only", RoomConfigPlan.MEMBERS_ONLY, room.settings().desired().membersOnly(),
                membersOnly);
    }

    /**
     * Submits one boolean field of the owner form (XEP-0045 §10.2), only if this server's form offers it, and
     * never against a value the configuration file pins (the room keeper would put it back).
     */
    private CompletionStage<ActionResult> configure(String setting, String field, Optional<Boolean> pinned,
                                                    boolean wanted) {
        if (pinned.isPresent() && pinned.get() != wanted) {
            return CompletableFuture.completedFuture(new ActionResult.NotSupported("the configuration file pins "
                    + setting + " = " + pinned.get() + " for " + room.jid() + "; the bot would put it back"));
        }
        return act(() -> {
            DataForm form = OwnerForm.fetch(session.connection(), room.jid());
            FormField offered = form == null ? null : form.getField(field);
            if (offered == null) {
                return new ActionResult.NotSupported("the room's configuration form has no " + field + " field");
            }
            FillableForm answer = new FillableForm(form);
            OwnerForm.answer(answer, offered, wanted);
            OwnerForm.submit(session.connection(), room.jid(), answer.getDataFormToSubmit());
            return ActionResult.DONE;
        });
    }

    @Override
    public CompletionStage<ActionResult> applyOverlay(String name, ConfigOverlay overlay) {
        return room.applyOverlay(name, overlay);
    }

    @Override
    public CompletionStage<ActionResult> liftOverlay(String name) {
        return room.liftOverlay(name);
    }

    @Override
    public CompletionStage<ActionResult> invite(String jid, String reason) {
        return act(() -> {
            MUCUser invitation = new MUCUser();
            invitation.setInvite(new MUCUser.Invite(reason, JidCreate.entityBareFrom(jid)));
            session.connection().sendStanza(groupchat().ofType(Message.Type.normal).addExtension(invitation).build());
            return ActionResult.DONE;
        });
    }

    @Override
    public RoomAffiliations affiliations() {
        return room.affiliations();
    }

    @Override
    public CompletionStage<ActionResult> destroy(String reason, String alternativeRoomJid) {
        return room.destroy(reason, alternativeRoomJid);
    }

    private CompletionStage<ActionResult> role(String nick, MUCRole role, String reason) {
        return act(admin.role(nick, role, reason));
    }

    private CompletionStage<ActionResult> affiliation(String realBareJid, MUCAffiliation affiliation, String reason) {
        return act(admin.affiliation(realBareJid, affiliation, reason));
    }

    private MessageBuilder groupchat() {
        MessageBuilder builder = session.connection().getStanzaFactory().buildMessageStanza()
                .ofType(Message.Type.groupchat).to(room.jid());
        OriginIdElement.addTo(builder);
        return builder;
    }

    private Jid occupantJid(String nick) throws XmppStringprepException {
        return JidCreate.entityFullFrom(room.jid(), Resourcepart.from(nick));
    }

    /**
     * Sends a message on the caller's thread: handing a stanza to the connection does not wait for the
     * server, and it keeps a plugin's messages in the order it wrote them (separate threads would not).
     */
    private CompletionStage<ActionResult> say(Action action) {
        return room.mayAct() ? CompletableFuture.completedFuture(run(action)) : notJoined();
    }

    private CompletionStage<ActionResult> act(Action action) {
        return room.mayAct() ? CompletableFuture.supplyAsync(() -> run(action), executor) : notJoined();
    }

    private CompletionStage<ActionResult> notJoined() {
        return CompletableFuture.completedFuture(new ActionResult.Failed("the bot is not in " + room.jid() + " now"));
    }

    static ActionResult run(Action action) {
        try {
            return action.run();
        } catch (XMPPException.XMPPErrorException e) {
            return AdminRequests.refused(e.getStanzaError());
        } catch (SmackException.NoResponseException e) {
            return new ActionResult.Failed("no answer from the server in time");
        } catch (SmackException.NotConnectedException e) {
            return new ActionResult.Failed("not connected");
        } catch (XmppStringprepException e) {
            return new ActionResult.Failed("invalid address: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ActionResult.Failed("interrupted");
        } catch (Exception e) {
            return new ActionResult.Failed(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** One room action's Smack calls; may throw whatever Smack throws. */
    @FunctionalInterface
    interface Action {
        ActionResult run() throws Exception;
    }
}
