package org.majordome.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.jxmpp.stringprep.XmppStringprepException;
import org.majordome.api.Plugin;
import org.majordome.api.event.BotEvent;
import org.majordome.api.event.RoomEvent;
import org.majordome.api.event.RoomJoinedEvent;
import org.majordome.api.event.RoomLeftEvent;
import org.majordome.app.RunningBot;
import org.majordome.config.BotConfig;
import org.majordome.config.ConnectionSettings;
import org.majordome.config.DesiredRoomConfig;
import org.majordome.config.DispatchSettings;
import org.majordome.config.PluginSection;
import org.majordome.config.RoomSettings;
import org.majordome.config.RuntimeSettings;
import org.majordome.config.Secret;
import org.majordome.config.TlsMode;
import org.majordome.room.RoomStatus;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * The real bot, in this JVM, connected to a test server (Prosody or ejabberd): configuration built in code
 * with short intervals, every event recorded.
 */
public final class BotUnderTest implements AutoCloseable {

    public static final String ACCOUNT = "majordome";
    public static final String PASSWORD = "bot-secret";

    private final RunningBot bot;
    private final RecordingEventSink events;

    private BotUnderTest(RunningBot bot, RecordingEventSink events) {
        this.bot = bot;
        this.events = events;
    }

    public static Builder builder(XmppServer server) {
        return new Builder(server);
    }

    public RunningBot bot() {
        return bot;
    }

    public RecordingEventSink events() {
        return events;
    }

    public BotConfig config() {
        return bot.config();
    }

    public RoomStatus status(EntityBareJid room) {
        return bot.rooms().status().stream().filter(status -> status.roomJid().equals(room.toString()))
                .findFirst().orElseThrow();
    }

    /**
     * Waits until the bot is in every given room, has emitted the join and has checked the room's configuration. The
     * state reads JOINED a moment before the {@link RoomJoinedEvent} is recorded, and before the bot submits a new
     * room's form, until which Prosody keeps the room locked (others joining get item-not-found): a test that read
     * the events or let a client in at once could lose that race on a loaded machine.
     */
    public BotUnderTest awaitJoined(EntityBareJid... rooms) {
        // On a timeout, say where each room and the session stood: a CI log keeps little more than this message.
        await().atMost(Duration.ofSeconds(60)).alias("bot ready in every room")
                .untilAsserted(() -> assertThat(Arrays.stream(rooms)
                        .allMatch(room -> status(room).ready() && joinRecorded(room)))
                        .as(() -> describe(rooms)).isTrue());
        return this;
    }

    /** The session and each room's status and membership events, for a failed wait's message. */
    private String describe(EntityBareJid... rooms) {
        StringBuilder text = new StringBuilder("online: ").append(bot.session().isOnline());
        for (EntityBareJid room : rooms) {
            text.append("; ").append(status(room)).append(", membership events: ").append(events.all().stream()
                    .filter(event -> event instanceof RoomJoinedEvent || event instanceof RoomLeftEvent)
                    .filter(event -> ((RoomEvent) event).roomJid().equals(room.toString())).toList());
        }
        return text.toString();
    }

    /** The room's latest membership event is a join (a resumed session emits none, and leaves the join last). */
    private boolean joinRecorded(EntityBareJid room) {
        List<BotEvent> membership = events.all().stream()
                .filter(event -> event instanceof RoomJoinedEvent || event instanceof RoomLeftEvent)
                .filter(event -> ((RoomEvent) event).roomJid().equals(room.toString())).toList();
        return !membership.isEmpty() && membership.getLast() instanceof RoomJoinedEvent;
    }

    @Override
    public void close() {
        bot.close();
    }

    /** A desired configuration with a title and a description, persistent (the bot's default). */
    public static DesiredRoomConfig titled(String title, String description) {
        return new DesiredRoomConfig(Optional.of(title), Optional.of(description), Optional.of(true), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public static final class Builder {
        private final XmppServer server;
        private final List<RoomSettings> rooms = new ArrayList<>();
        private final List<Plugin<?>> plugins = new ArrayList<>();
        private final List<EntityBareJid> admins = new ArrayList<>();
        private Duration reconcileInterval = Duration.ofSeconds(2);
        private Duration selfPingAfterIdle = Duration.ofMinutes(5);
        private Duration backoffMax = Duration.ofSeconds(2);
        private Duration pingInterval = Duration.ofSeconds(60);
        private String nick = "Majordome";
        private String account = ACCOUNT;
        private DispatchSettings dispatch = DispatchSettings.defaults();
        private Path dataDirectory = Path.of("target", "bot-data");
        private String leaveStatus = RuntimeSettings.DEFAULT_LEAVE_STATUS;
        private boolean bosh;
        private Optional<org.majordome.config.DatabaseConnection> database = Optional.empty();
        private Optional<org.majordome.config.ClusterSettings> cluster = Optional.empty();
        private org.majordome.config.InvitationSettings invitations = org.majordome.config.InvitationSettings.defaults();
        private final Map<String, PluginSection> pluginSections = new LinkedHashMap<>();
        private Optional<org.majordome.config.WebSettings> web = Optional.empty();

        private Builder(XmppServer server) {
            this.server = server;
        }

        public Builder room(EntityBareJid jid, DesiredRoomConfig desired, String... pluginIds) {
            rooms.add(new RoomSettings(jid, Optional.empty(), Optional.empty(), desired, List.of(pluginIds)));
            return this;
        }

        /** A room with every setting given, its declared people among them. */
        public Builder room(RoomSettings settings) {
            rooms.add(settings);
            return this;
        }

        public Builder room(EntityBareJid jid, String... pluginIds) {
            return room(jid, titled("Room " + jid.getLocalpart(), "Kept by the bot"), pluginIds);
        }

        public Builder plugin(Plugin<?> plugin) {
            plugins.add(plugin);
            return this;
        }

        /**
         * A plugin's configuration section, as YAML text without the {@code plugins.<id>:} line; it is bound to
         * the plugin's config record exactly as a section of the configuration file is.
         */
        public Builder pluginConfig(String pluginId, String yaml) {
            Node node = new Compose(LoadSettings.builder().setLabel("plugins." + pluginId).build())
                    .composeString(yaml).orElseThrow(() -> new IllegalArgumentException("empty YAML for " + pluginId));
            pluginSections.put(pluginId, new PluginSection(pluginId, node));
            return this;
        }

        /** The {@code invitations:} section: who else may invite the bot, what invited rooms run. */
        public Builder invitations(org.majordome.config.InvitationSettings value) {
            this.invitations = value;
            return this;
        }

        public Builder admin(EntityBareJid jid) {
            admins.add(jid);
            return this;
        }

        public Builder nick(String value) {
            this.nick = value;
            return this;
        }

        public Builder account(String value) {
            this.account = value;
            return this;
        }

        public Builder reconcileInterval(Duration value) {
            this.reconcileInterval = value;
            return this;
        }

        public Builder selfPingAfterIdle(Duration value) {
            this.selfPingAfterIdle = value;
            return this;
        }

        public Builder backoffMax(Duration value) {
            this.backoffMax = value;
            return this;
        }

        /** How often the bot pings its server; a failed ping means a dead connection. */
        public Builder pingInterval(Duration value) {
            this.pingInterval = value;
            return this;
        }

        public Builder dispatch(DispatchSettings value) {
            this.dispatch = value;
            return this;
        }

        public Builder dataDirectory(Path value) {
            this.dataDirectory = value;
            return this;
        }

        /** The status text of the bot's unavailable presence when it stops ({@code runtime.leave-status}). */
        public Builder leaveStatus(String value) {
            this.leaveStatus = value;
            return this;
        }

        /**
         * An external database ({@code runtime.database}) instead of the embedded one, e.g. a
         * {@link PostgresExtension}'s.
         */
        public Builder database(org.majordome.config.DatabaseConnection value) {
            this.database = Optional.of(value);
            return this;
        }

        /** One instance of a cluster ({@code cluster:}); needs a PostgreSQL {@link #database}. */
        public Builder cluster(org.majordome.config.ClusterSettings value) {
            this.cluster = Optional.of(value);
            return this;
        }

        /** The embedded HTTP server's settings ({@code web:}), e.g. to run the web chat. */
        public Builder web(org.majordome.config.WebSettings value) {
            this.web = Optional.of(value);
            return this;
        }

        /** Connects over HTTP binding (BOSH) to the server's {@link XmppServer#boshUrl()} instead of TCP. */
        public Builder overBosh() {
            this.bosh = true;
            return this;
        }

        /** The configuration, registering the bot's account on the server. */
        public BotConfig config() {
            server.register(account, PASSWORD);
            try {
                ConnectionSettings connection = new ConnectionSettings(
                        JidCreate.entityBareFrom(account + "@" + server.domain()), new Secret(PASSWORD, "test"),
                        Optional.of(server.host()), server.port(), TlsMode.IF_POSSIBLE, server.certificate(), Set.of(),
                        Resourcepart.from("majordome"), Resourcepart.from(nick), pingInterval,
                        Duration.ofSeconds(5));
                if (bosh) {
                    connection = connection.overBosh(server.boshUrl().orElseThrow(() -> new IllegalStateException(
                            "the test server has no BOSH: give its settings ServerSettings.bosh()")));
                }
                RuntimeSettings runtime = new RuntimeSettings(reconcileInterval, selfPingAfterIdle, backoffMax,
                        dataDirectory, ZoneOffset.UTC, database, leaveStatus);
                return new BotConfig(Path.of("test-bot.yml"), connection, Set.copyOf(admins), rooms, runtime, dispatch,
                        pluginSections).withInvitations(invitations).withCluster(cluster).withWeb(web);
            } catch (XmppStringprepException e) {
                throw new IllegalArgumentException(e);
            }
        }

        /** Starts the bot; it connects in the background (use {@link #awaitJoined}). */
        public BotUnderTest start() {
            RecordingEventSink events = new RecordingEventSink();
            return new BotUnderTest(RunningBot.start(config(), List.of(events), plugins), events);
        }
    }
}
