package org.majordome.plugins.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.majordome.api.NoConfig;
import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.api.command.Command;
import org.majordome.api.command.CommandInvocation;
import org.majordome.api.command.CommandScope;
import org.majordome.api.command.Permission;
import org.majordome.api.room.RoomHandle;
import org.majordome.api.text.Wording;

/** {@code !ping}, {@code !about} and {@code !rooms}; see the package documentation. */
public final class CorePlugin implements Plugin<NoConfig> {

    /** What {@code !about} says when the runtime is not running from a released jar. */
    static final String DEVELOPMENT_BUILD = "development build";

    private final String version;
    private volatile PluginContext<NoConfig> context;
    private volatile Instant startedAt;

    /** The plugin as the runtime loads it: the version is the one in the runtime jar's manifest. */
    public CorePlugin() {
        this(runtimeVersion());
    }

    CorePlugin(String version) {
        this.version = Objects.requireNonNull(version, "version");
    }

    /** The {@code Implementation-Version} of the jar holding the plugin API, or {@value #DEVELOPMENT_BUILD}. */
    static String runtimeVersion() {
        return Optional.ofNullable(Plugin.class.getPackage().getImplementationVersion()).orElse(DEVELOPMENT_BUILD);
    }

    @Override
    public String id() {
        return "core";
    }

    @Override
    public Class<NoConfig> configType() {
        return NoConfig.class;
    }

    @Override
    public void start(PluginContext<NoConfig> context) {
        this.context = context;
        this.startedAt = context.clock().instant();
    }

    @Command(name = "ping", help = "Checks that the bot is alive.", maxArgs = 0,
            scopes = {CommandScope.ROOM, CommandScope.PRIVATE, CommandScope.DIRECT})
    public void ping(CommandInvocation invocation) {
        invocation.reply(context.texts().format(invocation, "pong"));
    }

    @Command(name = "about", help = "Tells the bot's version and how it is doing.", maxArgs = 0,
            scopes = {CommandScope.ROOM, CommandScope.PRIVATE, CommandScope.DIRECT})
    public void about(CommandInvocation invocation) {
        Wording wording = context.texts().replyTo(invocation);
        Collection<RoomHandle> rooms = context.rooms().all();
        long joined = rooms.stream().filter(RoomHandle::joined).count();
        Duration uptime = Duration.between(startedAt, context.clock().instant());
        String shownVersion = DEVELOPMENT_BUILD.equals(version) ? wording.format("about.development-build") : version;
        invocation.reply(wording.format("about", shownVersion, describe(wording, uptime), joined, rooms.size()));
    }

    @Command(name = "rooms", help = "Lists the bot's rooms and who is in them (answered privately).",
            permission = Permission.BOT_ADMIN, maxArgs = 0,
            scopes = {CommandScope.ROOM, CommandScope.PRIVATE, CommandScope.DIRECT})
    public void rooms(CommandInvocation invocation) {
        Wording wording = context.texts().privatelyTo(invocation);
        Collection<RoomHandle> rooms = context.rooms().all();
        if (rooms.isEmpty()) {
            invocation.replyPrivately(wording.format("rooms.none"));
            return;
        }
        List<String> lines = new ArrayList<>();
        long joined = rooms.stream().filter(RoomHandle::joined).count();
        lines.add(wording.format("rooms.header", joined, rooms.size()));
        for (RoomHandle room : rooms) {
            // Says whom it counts: the bot is in every room it joined, and is left out.
            lines.add(room.joined() ? wording.format("rooms.joined", room.roomJid(), room.occupants().size())
                    : wording.format("rooms.not-joined", room.roomJid()));
        }
        invocation.replyPrivately(String.join("\n", lines));
    }

    /** "42s" under a minute, else days, hours and minutes from the largest non-zero unit: "1d 0h 5m" (English). */
    static String describe(Duration uptime) {
        Duration positive = uptime.isNegative() ? Duration.ZERO : uptime;
        if (positive.toMinutes() == 0) {
            return positive.toSeconds() + "s";
        }
        long days = positive.toDays();
        int hours = positive.toHoursPart();
        int minutes = positive.toMinutesPart();
        if (days > 0) {
            return days + "d " + hours + "h " + minutes + "m";
        }
        return hours > 0 ? hours + "h " + minutes + "m" : minutes + "m";
    }

    /** The uptime with the language's unit symbols ({@code uptime.*} keys), same units as {@link #describe(Duration)}. */
    static String describe(Wording wording, Duration uptime) {
        Duration positive = uptime.isNegative() ? Duration.ZERO : uptime;
        if (positive.toMinutes() == 0) {
            return wording.format("uptime.seconds", positive.toSeconds());
        }
        long days = positive.toDays();
        int hours = positive.toHoursPart();
        int minutes = positive.toMinutesPart();
        if (days > 0) {
            return wording.format("uptime.days", days, hours, minutes);
        }
        return hours > 0 ? wording.format("uptime.hours", hours, minutes) : wording.format("uptime.minutes", minutes);
    }
}
