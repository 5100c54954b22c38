package org.majordome.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.majordome.api.DurationText;
import org.majordome.api.TimeText;
import org.majordome.api.admin.AdminCommand;
import org.majordome.api.admin.AdminField;
import org.majordome.api.admin.AdminRequest;
import org.majordome.api.admin.AdminResult;
import org.majordome.api.room.ActionResult;
import org.majordome.api.room.RoomHandle;
import org.majordome.config.BotConfig;
import org.majordome.config.RoomSettings;
import org.majordome.room.InvitationDesk;
import org.majordome.room.RoomKeeper;
import org.majordome.room.RoomStatus;
import org.majordome.xmpp.XmppSession;

/**
 * The runtime's own administration commands: {@code status}, {@code reload}, {@code join}, {@code leave},
 * {@code subject} and {@code announce}.
 *
 * <p>{@code join} and {@code leave} change the live bot only, not the configuration file: the file stays
 * the one truth an operator reads, and the next reload or restart goes back to it. Their answers say so.
 * Writing the change into the YAML would lose its comments and layout, and the file may not be writable
 * by the bot at all (a read-only system directory under a hardened service).
 */
public final class BuiltInAdminCommands {

    static final String LEFT_BY_ADMIN = "An administrator asked Majordome to leave";
    private static final Duration ACTION_TIMEOUT = Duration.ofSeconds(15);

    private final XmppSession session;
    private final RoomKeeper rooms;
    private final Supplier<BotConfig> config;
    private final Supplier<AdminResult> reload;
    private final Clock clock;
    private final Instant started;
    private final java.util.function.Consumer<EntityBareJid> left;

    /**
     * @param config the configuration in force (it changes on reload)
     * @param reload reads the configuration file again and applies it
     * @param left   told of each room an administrator made the bot leave (an invited room is then forgotten)
     */
    public BuiltInAdminCommands(XmppSession session, RoomKeeper rooms, Supplier<BotConfig> config,
                                Supplier<AdminResult> reload, Clock clock, java.util.function.Consumer<EntityBareJid> left) {
        this.left = left;
        this.session = session;
        this.rooms = rooms;
        this.config = config;
        this.reload = reload;
        this.clock = clock;
        this.started = clock.instant();
    }

    /** Offers every built-in command in the catalog, as the runtime's. */
    public void offerIn(AdminCommandCatalog catalog) {
        commands().forEach(catalog.forOwner(AdminCommandCatalog.RUNTIME)::offer);
    }

    public List<AdminCommand> commands() {
        return List.of(
                command("status", "Bot status", "", List::of, request -> status()),
                command("reload", "Reload the configuration file", "", List::of, request -> reload.get()),
                command("join", "Join a room (until the next reload)",
                        "Give the address of the room to join, e.g. lobby@conference.example.org. The bot stays "
                                + "until the next reload or restart: add the room to the configuration file to keep it.",
                        () -> List.of(AdminField.jid("room", "Room address")), this::join),
                command("leave", "Leave a room (until the next reload)",
                        "Choose the room to leave. A room of the configuration file is joined again at the next "
                                + "reload or restart.",
                        () -> List.of(roomField()), this::leave),
                command("subject", "Set a room's subject", "Choose a room and type its new subject.",
                        () -> List.of(roomField(), AdminField.text("text", "Subject")), this::subject),
                command("announce", "Announce in every room",
                        "Type the announcement, on several lines if you like: it is sent as one message to "
                                + "every room the bot keeps.",
                        () -> List.of(AdminField.multilineText("text", "Announcement")), this::announce));
    }

    private static AdminCommand command(String node, String name, String instructions, Supplier<List<AdminField>> form,
                                       java.util.function.Function<AdminRequest, AdminResult> action) {
        return new AdminCommand() {
            @Override
            public String node() {
                return node;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String instructions() {
                return instructions;
            }

            @Override
            public List<AdminField> form() {
                return form.get();
            }

            @Override
            public AdminResult run(AdminRequest request) {
                return action.apply(request);
            }
        };
    }

    /** A choice among the kept rooms; a JID field when there is none to choose from. */
    private AdminField roomField() {
        List<String> kept = rooms.status().stream().map(RoomStatus::roomJid).toList();
        return kept.isEmpty() ? AdminField.jid("room", "Room") : AdminField.choice("room", "Room", kept);
    }

    AdminResult status() {
        StringBuilder text = new StringBuilder();
        text.append("Connection: ").append(session.isOnline()
                ? "online as " + session.connection().getUser() : "offline (reconnecting)").append('\n');
        text.append("Uptime: ").append(DurationText.words(Duration.between(started, clock.instant()))).append('\n');
        BotConfig current = config.get();
        List<RoomStatus> statuses = rooms.status();
        text.append("Rooms (").append(statuses.size()).append("):\n");
        for (RoomStatus room : statuses) {
            text.append("  ").append(roomLine(room, current.runtime().timeZone())).append('\n');
        }
        Set<String> plugins = new LinkedHashSet<>(current.plugins().keySet());
        current.rooms().forEach(room -> plugins.addAll(room.plugins()));
        text.append("Plugins: ").append(plugins.isEmpty() ? "none" : String.join(", ", plugins));
        boolean healthy = session.isOnline() && rooms.allJoined();
        return healthy ? AdminResult.done(text.toString()) : AdminResult.warning(text.toString());
    }

    private AdminResult join(AdminRequest request) {
        Optional<EntityBareJid> room = roomJid(request.answer("room"));
        if (room.isEmpty()) {
            return AdminResult.failed("'" + request.answer("room") + "' is not a room address (room@service).");
        }
        // Like a room the bot is invited to: it runs invitations.plugins.
        RoomSettings settings = InvitationDesk.settingsFor(room.get(), Optional.empty(), config.get());
        if (!rooms.keepAlso(settings)) {
            // Kept but out of it (banned, refused): the administrator asks for another try now, e.g. after
            // lifting a ban, rather than waiting for the next attempt.
            return rooms.retryJoin(room.get())
                    .map(out -> AdminResult.done("The bot keeps " + room.get() + " but is not in it ("
                            + out.problem().orElse(out.state().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                            + "): trying to join it again now. The command status shows how it went."))
                    .orElseGet(() -> AdminResult.warning(room.get() + " is kept already, and the bot is in it."));
        }
        List<String> plugins = settings.plugins();
        return AdminResult.done("Joining " + room.get() + " (" + (plugins.isEmpty() ? "no plugins: invitations.plugins "
                + "names none" : "plugins: " + String.join(", ", plugins)) + "). This lasts until the next reload or "
                + "restart: add the room to the configuration file to keep it for good.");
    }

    private AdminResult leave(AdminRequest request) {
        Optional<EntityBareJid> room = roomJid(request.answer("room"));
        if (room.isEmpty() || !rooms.release(room.get(), LEFT_BY_ADMIN)) {
            return AdminResult.failed("'" + request.answer("room") + "' is not a room the bot keeps.");
        }
        left.accept(room.get());
        boolean configured = config.get().rooms().stream().anyMatch(settings -> settings.jid().equals(room.get()));
        return AdminResult.done("Left " + room.get() + "." + (configured
                ? " It is in the configuration file: the next reload or restart joins it again unless you remove it there."
                : ""));
    }

    private AdminResult subject(AdminRequest request) {
        Optional<RoomHandle> room = rooms.room(request.answer("room"));
        if (room.isEmpty()) {
            return AdminResult.failed("'" + request.answer("room") + "' is not a room the bot keeps.");
        }
        ActionResult result = await(room.get().setSubject(request.answer("text")));
        return result.succeeded() ? AdminResult.done("Subject of " + room.get().roomJid() + " set.")
                : AdminResult.failed("Subject of " + room.get().roomJid() + " not set: " + result);
    }

    private AdminResult announce(AdminRequest request) {
        List<RoomHandle> all = List.copyOf(rooms.all());
        if (all.isEmpty()) {
            return AdminResult.warning("The bot keeps no room: nothing was sent.");
        }
        List<CompletableFuture<ActionResult>> sent = all.stream()
                .map(room -> room.send(request.answer("text")).toCompletableFuture()).toList();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            ActionResult result = await(sent.get(i));
            if (!result.succeeded()) {
                failures.add(all.get(i).roomJid() + ": " + result);
            }
        }
        int delivered = all.size() - failures.size();
        String summary = "Announced in " + delivered + " of " + all.size() + " room(s).";
        return failures.isEmpty() ? AdminResult.done(summary)
                : AdminResult.warning(summary + "\nNot sent:\n  " + String.join("\n  ", failures));
    }

    private static ActionResult await(CompletionStage<ActionResult> action) {
        try {
            return action.toCompletableFuture().get(ACTION_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return new ActionResult.Failed("no answer within " + ACTION_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ActionResult.Failed("interrupted");
        } catch (ExecutionException e) {
            return new ActionResult.Failed(String.valueOf(e.getCause()));
        }
    }

    private static Optional<EntityBareJid> roomJid(String text) {
        try {
            return Optional.of(JidCreate.entityBareFrom(text.strip().toLowerCase(java.util.Locale.ROOT)));
        } catch (XmppStringprepException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * One room of {@code status}: its state, the bot's nick, how many others are there (said so: the count
     * leaves the bot out, and is only known while the bot is in), and since when, in the configured zone.
     */
    static String roomLine(RoomStatus room, ZoneId zone) {
        StringBuilder line = new StringBuilder(room.roomJid()).append(": ").append(room.state())
                .append(" as ").append(room.nick());
        if (room.state() == RoomStatus.State.JOINED) {
            line.append(", ").append(room.occupants()).append(room.occupants() == 1 ? " occupant" : " occupants")
                    .append(" besides the bot");
        }
        line.append(", since ").append(TimeText.moment(room.since(), zone));
        room.problem().ifPresent(problem -> line.append(" (").append(problem).append(')'));
        if (!room.unapplied().isEmpty()) {
            line.append("; declared affiliations not applied: ").append(String.join("; ", room.unapplied()));
        }
        return line.toString();
    }
}
