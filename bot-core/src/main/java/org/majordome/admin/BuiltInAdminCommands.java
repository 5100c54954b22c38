package org.majordome.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.majordome.api.admin.AdminCommand;
import org.majordome.api.admin.AdminField;
import org.majordome.api.admin.AdminRequest;
import org.majordome.api.admin.AdminResult;
import org.majordome.api.room.ActionResult;
import org.majordome.api.room.RoomHandle;
import org.majordome.api.text.Wording;
import org.majordome.cluster.ClusterView;
import org.majordome.config.BotConfig;
import org.majordome.config.RoomSettings;
import org.majordome.room.InvitationDesk;
import org.majordome.room.RoomKeeper;
import org.majordome.room.RoomStatus;
import org.majordome.text.TextService;
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
    private final Function<Wording, AdminResult> reload;
    private final Clock clock;
    private final Instant started;
    private final java.util.function.Consumer<EntityBareJid> left;
    private final Optional<Supplier<ClusterView>> cluster;

    /**
     * @param config the configuration in force (it changes on reload)
     * @param reload reads the configuration file again and applies it; says how it went in the wording's language
     * @param left   told of each room an administrator made the bot leave (an invited room is then forgotten)
     */
    public BuiltInAdminCommands(XmppSession session, RoomKeeper rooms, Supplier<BotConfig> config,
                                Function<Wording, AdminResult> reload, Clock clock, java.util.function.Consumer<EntityBareJid> left) {
        this(session, rooms, config, reload, clock, left, Optional.empty());
    }

    /** As above, for an instance of a cluster: {@code status} also lists the cluster ({@code cluster}'s view). */
    public BuiltInAdminCommands(XmppSession session, RoomKeeper rooms, Supplier<BotConfig> config,
                                Function<Wording, AdminResult> reload, Clock clock, java.util.function.Consumer<EntityBareJid> left,
                                Optional<Supplier<ClusterView>> cluster) {
        this.cluster = cluster;
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
                command("status", false, words -> List.of(), (request, words) -> status(words)),
                command("reload", false, words -> List.of(), (request, words) -> reload.apply(words)),
                command("join", true, words -> List.of(AdminField.jid("room", words.format("admin.join.field.room"))),
                        this::join),
                command("leave", true, words -> List.of(roomField(words)), this::leave),
                command("subject", true, words -> List.of(roomField(words),
                        AdminField.text("text", words.format("admin.subject.field.text"))), this::subject),
                command("announce", true, words -> List.of(AdminField.multilineText("text",
                        words.format("admin.announce.field.text"))), this::announce));
    }

    /** The runtime's texts in one language, times in the bot's zone. */
    private Wording words(Locale language) {
        return TextService.runtimeWording(language, config.get().runtime().timeZone());
    }

    /**
     * A command whose name ({@code admin.<node>.name}), instructions ({@code admin.<node>.instructions}), form and
     * answers are in the requester's language.
     */
    private AdminCommand command(String node, boolean instructed, Function<Wording, List<AdminField>> form,
                                 BiFunction<AdminRequest, Wording, AdminResult> action) {
        return new AdminCommand() {
            @Override
            public String node() {
                return node;
            }

            @Override
            public String name() {
                return name(Locale.ENGLISH);
            }

            @Override
            public String name(Locale language) {
                return words(language).format("admin." + node + ".name");
            }

            @Override
            public String instructions() {
                return instructions(Locale.ENGLISH);
            }

            @Override
            public String instructions(Locale language) {
                return instructed ? words(language).format("admin." + node + ".instructions") : "";
            }

            @Override
            public List<AdminField> form() {
                return form(Locale.ENGLISH);
            }

            @Override
            public List<AdminField> form(Locale language) {
                return form.apply(words(language));
            }

            @Override
            public AdminResult run(AdminRequest request) {
                return action.apply(request, words(request.language()));
            }
        };
    }

    /** A choice among the kept rooms; a JID field when there is none to choose from. */
    private AdminField roomField(Wording words) {
        List<String> kept = rooms.status().stream().map(RoomStatus::roomJid).toList();
        String label = words.format("admin.field.room");
        return kept.isEmpty() ? AdminField.jid("room", label) : AdminField.choice("room", label, kept);
    }

    AdminResult status(Wording words) {
        StringBuilder text = new StringBuilder();
        text.append(session.isOnline() ? words.format("admin.status.online", session.connection().getUser().toString())
                : words.format("admin.status.offline")).append('\n');
        text.append(words.format("admin.status.uptime", words.duration(Duration.between(started, clock.instant()))))
                .append('\n');
        BotConfig current = config.get();
        List<RoomStatus> statuses = rooms.status();
        text.append(words.format(cluster.isPresent() ? "admin.status.rooms-held" : "admin.status.rooms",
                statuses.size())).append('\n');
        for (RoomStatus room : statuses) {
            text.append("  ").append(roomLine(room, words)).append('\n');
        }
        Set<String> plugins = new LinkedHashSet<>(current.plugins().keySet());
        current.rooms().forEach(room -> plugins.addAll(room.plugins()));
        text.append(plugins.isEmpty() ? words.format("admin.status.no-plugins")
                : words.format("admin.status.plugins", String.join(", ", plugins)));
        cluster.ifPresent(view -> text.append('\n').append(ClusterStatusText.describe(view.get(), clock.instant(), words)
                .stripTrailing()));
        boolean healthy = session.isOnline() && rooms.allJoined();
        return healthy ? AdminResult.done(text.toString()) : AdminResult.warning(text.toString());
    }

    private AdminResult join(AdminRequest request, Wording words) {
        Optional<EntityBareJid> room = roomJid(request.answer("room"));
        if (room.isEmpty()) {
            return AdminResult.failed(words.format("admin.join.not-a-room", request.answer("room")));
        }
        // Like a room the bot is invited to: it runs invitations.plugins.
        RoomSettings settings = InvitationDesk.settingsFor(room.get(), Optional.empty(), config.get());
        if (!rooms.keepAlso(settings)) {
            // Kept but out of it (banned, refused): the administrator asks for another try now, e.g. after
            // lifting a ban, rather than waiting for the next attempt.
            return rooms.retryJoin(room.get())
                    .map(out -> AdminResult.done(words.format("admin.join.retrying", room.get().toString(),
                            out.problem().map(problem -> problem.in(words)).orElse(state(words, out.state()).toLowerCase(words.language())
                                    .replace('_', ' ')))))
                    .orElseGet(() -> AdminResult.warning(words.format("admin.join.kept-already", room.get().toString())));
        }
        List<String> plugins = settings.plugins();
        return AdminResult.done(plugins.isEmpty() ? words.format("admin.join.joining-no-plugins", room.get().toString())
                : words.format("admin.join.joining", room.get().toString(), String.join(", ", plugins)));
    }

    private AdminResult leave(AdminRequest request, Wording words) {
        Optional<EntityBareJid> room = roomJid(request.answer("room"));
        if (room.isEmpty() || !rooms.release(room.get(), LEFT_BY_ADMIN)) {
            return AdminResult.failed(words.format("admin.not-kept", request.answer("room")));
        }
        left.accept(room.get());
        boolean configured = config.get().rooms().stream().anyMatch(settings -> settings.jid().equals(room.get()));
        return AdminResult.done(words.format(configured ? "admin.leave.left-configured" : "admin.leave.left",
                room.get().toString()));
    }

    private AdminResult subject(AdminRequest request, Wording words) {
        Optional<RoomHandle> room = rooms.room(request.answer("room"));
        if (room.isEmpty()) {
            return AdminResult.failed(words.format("admin.not-kept", request.answer("room")));
        }
        ActionResult result = await(room.get().setSubject(request.answer("text")));
        return result.succeeded() ? AdminResult.done(words.format("admin.subject.set", room.get().roomJid()))
                : AdminResult.failed(words.format("admin.subject.not-set", room.get().roomJid(), result.toString()));
    }

    private AdminResult announce(AdminRequest request, Wording words) {
        List<RoomHandle> all = List.copyOf(rooms.all());
        if (all.isEmpty()) {
            return AdminResult.warning(words.format("admin.announce.no-room"));
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
        String summary = words.format("admin.announce.sent", delivered, all.size());
        return failures.isEmpty() ? AdminResult.done(summary)
                : AdminResult.warning(summary + "\n" + words.format("admin.announce.not-sent") + "\n  "
                        + String.join("\n  ", failures));
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
            return Optional.of(JidCreate.entityBareFrom(text.strip().toLowerCase(Locale.ROOT)));
        } catch (XmppStringprepException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * One room of {@code status}: its state, the bot's nick, how many others are there (said so: the count
     * leaves the bot out, and is only known while the bot is in), and since when, in the configured zone.
     */
    static String roomLine(RoomStatus room, ZoneId zone) {
        return roomLine(room, TextService.runtimeWording(Locale.ENGLISH, zone));
    }

    /** {@link #roomLine(RoomStatus, ZoneId)} in a language, in the wording's zone. */
    static String roomLine(RoomStatus room, Wording words) {
        StringBuilder line = new StringBuilder(words.format("admin.status.room", room.roomJid(),
                state(words, room.state()), room.nick()));
        if (room.state() == RoomStatus.State.JOINED) {
            line.append(words.format("admin.status.room.occupants", room.occupants()));
        }
        line.append(words.format("admin.status.room.since", words.moment(room.since())));
        room.problem().ifPresent(problem -> line.append(words.format("admin.status.room.problem", problem.in(words))));
        if (!room.unapplied().isEmpty()) {
            line.append(words.format("admin.status.room.unapplied", String.join("; ", room.unapplied())));
        }
        return line.toString();
    }

    private static String state(Wording words, RoomStatus.State state) {
        return words.format("admin.state." + state.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
