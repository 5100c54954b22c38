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
        invocation.reply("pong");
    }

    @Command(name = "about", help = "Tells the bot's version and how it is doing.", maxArgs = 0,
            scopes = {CommandScope.ROOM, CommandScope.PRIVATE, CommandScope.DIRECT})
    public void about(CommandInvocation invocation) {
        Collection<RoomHandle> rooms = context.rooms().all();
        long joined = rooms.stream().filter(RoomHandle::joined).count();
        Duration uptime = Duration.between(startedAt, context.clock().instant());
        invocation.reply("Majordome " + version + " — up " + describe(uptime) + " — in " + joined + " of "
                + rooms.size() + (rooms.size() == 1 ? " room." : " rooms."));
    }

    @Command(name = "rooms", help = "Lists the bot's rooms and who is in them (answered privately).",
            permission = Permission.BOT_ADMIN, maxArgs = 0,
            scopes = {CommandScope.ROOM, CommandScope.PRIVATE, CommandScope.DIRECT})
    public void rooms(CommandInvocation invocation) {
        Collection<RoomHandle> rooms = context.rooms().all();
        if (rooms.isEmpty()) {
            invocation.replyPrivately("The bot keeps no rooms.");
            return;
        }
        List<String> lines = new ArrayList<>();
        long joined = rooms.stream().filter(RoomHandle::joined).count();
        lines.add("Rooms (" + joined + " of " + rooms.size() + " joined):");
        for (RoomHandle room : rooms) {
            lines.add(room.roomJid() + " — " + (room.joined() ? "joined, " + occupants(room.occupants().size()) : "not joined"));
        }
        invocation.replyPrivately(String.join("\n", lines));
    }

    private static String occupants(int count) {
        // Says whom it counts: the bot is in every room it joined, and is left out.
        return count + (count == 1 ? " occupant" : " occupants") + " besides the bot";
    }

    /** "42s" under a minute, else days, hours and minutes from the largest non-zero unit: "1d 0h 5m". */
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
}
