package org.majordome.app;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.majordome.activity.ActivityCounter;
import org.majordome.admin.AdHocCommandResponder;
import org.majordome.admin.AdminCommandCatalog;
import org.majordome.admin.BotMetrics;
import org.majordome.admin.BuiltInAdminCommands;
import org.majordome.admin.HealthServer;
import org.majordome.api.Plugin;
import org.majordome.api.admin.AdminResult;
import org.majordome.api.text.Wording;
import org.majordome.cluster.ClusterMember;
import org.majordome.cluster.ClusterView;
import org.majordome.config.BotConfig;
import org.majordome.console.SectionCatalog;
import org.majordome.config.ConnectionSettings;
import org.majordome.config.MonitoringSettings;
import org.majordome.config.RoomSettings;
import org.majordome.dispatch.NickChecks;
import org.majordome.dispatch.PluginResources;
import org.majordome.intake.EventSink;
import org.majordome.intake.InvitationIntake;
import org.majordome.intake.SwitchableEventSink;
import org.majordome.room.InvitationDesk;
import org.majordome.room.RoomAdmission;
import org.majordome.room.RoomKeeper;
import org.majordome.room.RoomStatus;
import org.majordome.schedule.SchedulerService;
import org.majordome.schedule.SchedulerSettings;
import org.majordome.store.Database;
import org.majordome.store.DatabaseSettings;
import org.majordome.store.DisabledPluginTable;
import org.majordome.store.InvitedRoomTable;
import org.majordome.store.RoomOverlayTable;
import org.majordome.store.StorageService;
import org.majordome.xmpp.SelfDescription;
import org.majordome.pubsub.PubSubService;
import org.majordome.text.Phrase;
import org.majordome.web.WebApp;
import org.majordome.xmpp.XmppSession;
import org.jxmpp.jid.parts.Resourcepart;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The runtime's beans. The validated {@link BotConfig} and the {@link StartOptions} are registered by
 * {@link RunningBot#start}.
 */
@Configuration(proxyBeanMethods = false)
class RuntimeConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    XmppSession xmppSession(BotConfig config) {
        // Instances of one cluster share the account: each binds a resource of its own, its instance name.
        ConnectionSettings connection = config.cluster()
                .map(cluster -> config.connection().withResource(Resourcepart.fromOrThrowUnchecked(cluster.instance())))
                .orElse(config.connection());
        XmppSession session = new XmppSession(connection, config.runtime().rejoinBackoffMax());
        SelfDescription.announce(session, config.connection().nick().toString());
        return session;
    }

    @Bean
    SwitchableEventSink eventIntake() {
        return new SwitchableEventSink();
    }

    @Bean
    RoomKeeper roomKeeper(XmppSession session, BotConfig config, SwitchableEventSink eventIntake, Clock clock,
                          Database database, StoredInvitations invited, ClusterMembership cluster) {
        List<RoomSettings> rooms = new ArrayList<>(config.rooms());
        rooms.addAll(invited.rooms());
        RoomKeeper keeper = new RoomKeeper(session, rooms, config.runtime(), eventIntake, clock,
                new RoomOverlayTable(database), cluster.admission());
        cluster.member().ifPresent(member -> member.onChange(() -> keeper.admissionChanged("")));
        return keeper;
    }

    /** This instance's part in a cluster, when the configuration has a {@code cluster:} section. */
    @Bean(destroyMethod = "close")
    ClusterMembership clusterMembership(BotConfig config, Database database, ObjectProvider<RoomKeeper> rooms) {
        return new ClusterMembership(config.cluster().map(settings -> ClusterMember.on(database.dataSource(), settings,
                () -> declaredRooms(rooms.getObject()))));
    }

    private static List<String> declaredRooms(RoomKeeper rooms) {
        List<String> declared = new ArrayList<>(rooms.status().stream().map(RoomStatus::roomJid).toList());
        rooms.waiting().forEach(room -> declared.add(room.toString()));
        return declared;
    }

    /** The cluster member, if any; empty, the bot runs alone and keeps every room. */
    record ClusterMembership(Optional<ClusterMember> member) implements AutoCloseable {
        RoomAdmission admission() {
            return member.<RoomAdmission>map(cluster -> cluster).orElse(RoomAdmission.EVERY_ROOM);
        }

        /** What the operator is shown of the cluster (status, health, metrics); empty when the bot runs alone. */
        Optional<Supplier<ClusterView>> view() {
            return member.<Supplier<ClusterView>>map(cluster -> cluster::view);
        }

        @Override
        public void close() {
            member.ifPresent(ClusterMember::close);
        }
    }

    /** The rooms earlier runs joined on an invitation and this configuration keeps across restarts. */
    @Bean
    StoredInvitations storedInvitations(BotConfig config, Database database) {
        InvitedRoomTable table = new InvitedRoomTable(database);
        return new StoredInvitations(table, InvitationDesk.storedRooms(table, config));
    }

    record StoredInvitations(InvitedRoomTable table, List<RoomSettings> rooms) {
    }

    /** Answers invitations to rooms; listens before the bot logs in (beans are built before anything starts). */
    @Bean(destroyMethod = "close")
    InvitationDesk invitationDesk(XmppSession session, RoomKeeper rooms, StoredInvitations invited,
                                  ObjectProvider<ConfigReloader> reloader, Clock clock) {
        InvitationDesk desk = new InvitationDesk(session, rooms, () -> reloader.getObject().current(), invited.table(),
                invited.rooms(), clock);
        new InvitationIntake(desk, clock).listenOn(session.connection());
        return desk;
    }

    @Bean(destroyMethod = "close")
    Database database(BotConfig config) {
        DatabaseSettings settings = config.runtime().database()
                .map(external -> DatabaseSettings.jdbc(external.jdbcUrl(), external.user(),
                        external.password().orElse(null)).withMaxConnections(external.maxConnections()))
                .orElseGet(() -> DatabaseSettings.embedded(config.runtime().dataDirectory()));
        return Database.open(settings);
    }

    @Bean(destroyMethod = "close")
    SchedulerService schedulerService(Database database, Clock clock, BotConfig config, ClusterMembership cluster) {
        if (cluster.member().isPresent() && config.cluster().isPresent()) {
            // A room's persistent job fired on another instance is handed over to this one while it holds the room.
            ClusterMember member = cluster.member().get();
            return SchedulerService.start(database, SchedulerSettings.defaults().clustered(member.instance()), clock,
                    member::holds, config.cluster().get().lease());
        }
        return SchedulerService.start(database, SchedulerSettings.defaults(), clock);
    }

    @Bean
    AdminCommandCatalog adminCommandCatalog() {
        return new AdminCommandCatalog();
    }

    /** Publish-subscribe for plugins (block lists): followed nodes are read again after every new session. */
    @Bean(destroyMethod = "close")
    PubSubService pubSubService(XmppSession session) {
        PubSubService pubsub = new PubSubService(session.connection());
        session.addListener(pubsub);
        return pubsub;
    }

    /**
     * The plugins' storage; in a cluster it tells the other instances of each change and hears theirs, so that what a
     * plugin holds in memory (the moderation's mutes and bans) follows a change made on another instance at once.
     */
    @Bean(destroyMethod = "close")
    StorageService storageService(Database database, BotConfig config) {
        return config.cluster().isPresent() ? StorageService.shared(database) : new StorageService(database);
    }

    /** The plugins' nick checks, across reloads: the web chat asks them before a visitor joins. */
    @Bean
    NickChecks nickChecks() {
        return new NickChecks();
    }

    @Bean
    PluginResources pluginResources(StorageService storage, SchedulerService scheduler,
                                    AdminCommandCatalog adminCommands, PubSubService pubsub,
                                    SectionCatalog consoleSections, NickChecks nickChecks) {
        return new StoredPluginResources(storage, scheduler, adminCommands, pubsub, consoleSections, nickChecks);
    }

    @Bean(destroyMethod = "close")
    BotMetrics botMetrics(RoomKeeper rooms, XmppSession session, ObjectProvider<PluginHost> plugins,
                          ClusterMembership cluster) {
        BotMetrics metrics = new BotMetrics(rooms, session, () -> plugins.getObject().stats(), cluster.view());
        session.addListener(metrics);
        return metrics;
    }

    /** The Java plugins operators disabled in the console, kept across reloads and restarts. */
    @Bean
    PluginPauses pluginPauses(Database database, SchedulerService scheduler, AdminCommandCatalog adminCommands,
                              SectionCatalog consoleSections, NickChecks nickChecks, Clock clock) {
        return new PluginPauses(Optional.of(new DisabledPluginTable(database)), scheduler, adminCommands,
                consoleSections, nickChecks, clock);
    }

    @Bean
    PluginHost pluginHost(BotConfig config, StartOptions options, RoomKeeper rooms, PluginResources resources,
                          Clock clock, SwitchableEventSink eventIntake, BotMetrics metrics, ActivityCounter activity,
                          PluginPauses pauses) {
        List<EventSink> sinks = new ArrayList<>(options.sinks());
        sinks.add(metrics);
        sinks.add(activity);
        return new PluginHost(config, new StartOptions(sinks, options.plugins()), rooms, resources, clock, eventIntake,
                pauses);
    }

    /** Health and metrics over HTTP, when the configuration gives a port. */
    @Bean(destroyMethod = "close")
    MonitoringEndpoint monitoringEndpoint(BotConfig config, XmppSession session, RoomKeeper rooms, BotMetrics metrics,
                                          ClusterMembership cluster, Clock clock) throws IOException {
        MonitoringSettings monitoring = config.monitoring();
        if (monitoring.httpPort().isEmpty()) {
            return new MonitoringEndpoint(Optional.empty());
        }
        return new MonitoringEndpoint(Optional.of(new HealthServer(monitoring.httpAddress(), monitoring.httpPort().get(),
                session, rooms, metrics::scrape, cluster.view(), clock)));
    }

    /** The HTTP endpoint, if configured. */
    record MonitoringEndpoint(Optional<HealthServer> server) implements AutoCloseable {
        @Override
        public void close() {
            server.ifPresent(HealthServer::close);
        }
    }


    /**
     * The embedded HTTP server with every {@link WebApp} bean, when the configuration has a {@code web:} section;
     * it serves after the bot has started keeping its rooms, and stops before the bot leaves them.
     */
    @Bean
    WebLifecycle webLifecycle(BotConfig config, ObjectProvider<WebApp> apps, BotLifecycle bot) {
        return WebLifecycle.of(config, apps.orderedStream().toList(), bot);
    }

    @Bean
    ConfigReloader configReloader(BotConfig config, RoomKeeper rooms, PluginHost plugins, InvitationDesk invitations) {
        ConfigReloader reloader = new ConfigReloader(config, rooms, plugins, invitations::keptBesides);
        rooms.tellAdminsOf(() -> reloader.current().admins());
        return reloader;
    }

    /**
     * Ad-hoc commands (XEP-0050) for the administrators named in the configuration in force: the built-in
     * ones and those plugins offer.
     */
    @Bean
    AdHocCommandResponder adHocCommandResponder(XmppSession session, RoomKeeper rooms, ConfigReloader reloader,
                                                AdminCommandCatalog catalog, Clock clock, InvitationDesk invitations,
                                                ClusterMembership cluster) {
        new BuiltInAdminCommands(session, rooms, reloader::current,
                words -> describe(reloader.reload(System.getenv()), words), clock, invitations::forget,
                cluster.view())
                .offerIn(catalog);
        AdHocCommandResponder responder = new AdHocCommandResponder(session.connection(), catalog,
                () -> reloader.current().admins(), () -> reloader.current().runtime().language(),
                jid -> rooms.senderLanguages().of(jid.toString()), clock);
        responder.install();
        return responder;
    }

    /** How a reload went, for the administrator who asked, in their language (the file's problems as the log gives them). */
    static AdminResult describe(ConfigReloader.Result reload, Wording words) {
        return switch (reload) {
            case ConfigReloader.Rejected rejected -> AdminResult.failed(words.format("admin.reload.rejected",
                    String.join("\n", rejected.problems(words))));
            case ConfigReloader.Applied applied -> {
                String changes = applied.changes().isEmpty() ? words.format("admin.reload.no-change")
                        : words.format("admin.reload.applied", String.join(", ", Phrase.in(applied.changes(), words)));
                yield applied.warnings().isEmpty() ? AdminResult.done(changes)
                        : AdminResult.warning(changes + "\n" + String.join("\n", Phrase.in(applied.warnings(), words)));
            }
        };
    }

    @Bean
    BotLifecycle botLifecycle(XmppSession session, RoomKeeper roomKeeper, PluginHost plugins, BotConfig config,
                              ClusterMembership cluster) {
        return new BotLifecycle(session, roomKeeper, config.runtime().leaveStatus(), cluster.member());
    }

    /**
     * What whoever starts the bot adds to its configuration: event sinks (tests, embedding applications)
     * and plugin instances (besides those discovered on the class path and in the plugin directory).
     */
    record StartOptions(List<EventSink> sinks, List<Plugin<?>> plugins) {
        StartOptions {
            sinks = List.copyOf(sinks);
            plugins = List.copyOf(plugins);
        }
    }
}
