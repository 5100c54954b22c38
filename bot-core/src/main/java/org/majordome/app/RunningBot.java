package org.majordome.app;

import java.util.List;

import org.majordome.api.Plugin;
import org.majordome.config.BotConfig;
import org.majordome.intake.EventSink;
import org.majordome.room.RoomKeeper;
import org.majordome.xmpp.XmppSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** A started bot. {@link #close()} leaves every room with a goodbye and disconnects. */
public final class RunningBot implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunningBot.class);

    private final ConfigurableApplicationContext context;

    private RunningBot(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * Starts a bot with an already validated configuration and returns once it is connecting; rooms are
     * joined in the background.
     *
     * @param extraSinks   receive every event besides the runtime's own consumers (tests, embedding)
     * @param extraPlugins plugin instances to run besides the discovered ones
     * @throws StartupException when plugins are unknown, misconfigured or fail to start
     */
    public static RunningBot start(BotConfig config, List<EventSink> extraSinks, List<Plugin<?>> extraPlugins) {
        // Configuration that can never apply: the bot runs, and the operator reads why a setting has no effect.
        config.warnings().forEach(warning -> log.warn("Configuration: {}", warning.formatWarning()));
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean(BotConfig.class, () -> config);
        context.registerBean(RuntimeConfiguration.StartOptions.class,
                () -> new RuntimeConfiguration.StartOptions(extraSinks, extraPlugins));
        context.register(RuntimeConfiguration.class);
        context.register(ConsolePagesConfiguration.class);
        if (config.web().flatMap(org.majordome.config.WebSettings::chat).isPresent()) {
            context.register(WebChatConfiguration.class);
        }
        if (config.web().flatMap(org.majordome.config.WebSettings::console).isPresent()) {
            context.register(ConsoleConfiguration.class);
        }
        try {
            context.refresh();
        } catch (BeansException e) {
            // A bean that could not be made, or a life cycle that could not start (the web server's port).
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof StartupException startup) {
                    throw startup;
                }
            }
            throw e;
        }
        return new RunningBot(context);
    }

    /** Starts a bot with only the discovered plugins. */
    public static RunningBot start(BotConfig config) {
        return start(config, List.of(), List.of());
    }

    public BotConfig config() {
        return context.getBean(BotConfig.class);
    }

    public RoomKeeper rooms() {
        return context.getBean(RoomKeeper.class);
    }

    /** This instance's part in a cluster; empty when the bot runs alone. */
    public java.util.Optional<org.majordome.cluster.ClusterMember> cluster() {
        return context.getBean(RuntimeConfiguration.ClusterMembership.class).member();
    }

    public XmppSession session() {
        return context.getBean(XmppSession.class);
    }

    /** Reads the configuration file again and applies it (what SIGHUP does). */
    public ConfigReloader.Result reload() {
        return context.getBean(ConfigReloader.class).reload(System.getenv());
    }

    /** The port of the health and metrics endpoint, when one is configured. */
    public java.util.Optional<Integer> monitoringPort() {
        return context.getBean(RuntimeConfiguration.MonitoringEndpoint.class).server()
                .map(org.majordome.admin.HealthServer::port);
    }

    /** The port of the web server, when {@code web:} is configured. */
    public java.util.Optional<Integer> webPort() {
        return context.getBean(WebLifecycle.class).port();
    }

    public org.majordome.admin.BotMetrics metrics() {
        return context.getBean(org.majordome.admin.BotMetrics.class);
    }

    /** The web chat, when {@code web.chat} is configured. */
    public java.util.Optional<org.majordome.webchat.WebChat> webChat() {
        return java.util.Optional.ofNullable(context.getBeanProvider(org.majordome.webchat.WebChat.class)
                .getIfAvailable());
    }

    /**
     * The operator console's page at {@code path} ({@code sections}, {@code schedule}...): its beans exist whether
     * or not the console is served, so that tests and embedding code can call a page as the console would.
     */
    public java.util.Optional<org.majordome.console.ConsolePage> consolePage(String path) {
        return context.getBeansOfType(org.majordome.console.ConsolePage.class).values().stream()
                .filter(page -> page.path().equals(path)).findFirst();
    }

    public boolean isRunning() {
        return context.isActive();
    }

    @Override
    public void close() {
        if (context.isActive()) {
            context.close();
        }
    }
}
