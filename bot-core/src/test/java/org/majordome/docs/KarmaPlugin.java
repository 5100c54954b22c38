package org.majordome.docs;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.majordome.api.OnEvent;
import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.api.command.Command;
import org.majordome.api.command.CommandInvocation;
import org.majordome.api.command.CommandScope;
import org.majordome.api.command.Permission;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.RoomMessageReceivedEvent;
import org.majordome.api.storage.KeyValueStore;
import org.majordome.api.storage.ValueCodec;

/** "bob++" and "bob--" in a room change bob's karma there; "!karma" tells the scores. */
public final class KarmaPlugin implements Plugin<KarmaPlugin.Config> {

    /** The {@code plugins.karma} section: keys {@code cooldown} and {@code top-size}. */
    public record Config(Duration cooldown, int topSize) {
        public Config {
            if (topSize < 1) {
                throw new IllegalArgumentException("top-size must be at least 1, got " + topSize);
            }
        }

        /** What a missing section or key means. */
        public static Config defaults() {
            return new Config(Duration.ofMinutes(1), 5);
        }
    }

    private static final Pattern VOTE = Pattern.compile("(?<=^|\\s)([\\p{L}\\p{N}_.-]+?)(\\+\\+|--)(?=$|\\s)");
    private static final String SCORE = "score:";

    /** When each voter last voted for each target, per room: one vote per cooldown. */
    private final Map<String, Instant> lastVotes = new ConcurrentHashMap<>();
    private PluginContext<Config> context;

    @Override
    public String id() {
        return "karma";
    }

    @Override
    public Class<Config> configType() {
        return Config.class;
    }

    @Override
    public void start(PluginContext<Config> context) {
        this.context = context;
    }

    @OnEvent
    public void countVotes(RoomMessageReceivedEvent message) {
        Matcher vote = VOTE.matcher(message.message().body());
        while (vote.find()) {
            String target = vote.group(1).toLowerCase(Locale.ROOT);
            if (target.equals(message.sender().nick().toLowerCase(Locale.ROOT))) {
                answer(message, "No patting your own back, " + message.sender().nick() + ".");
            } else if (mayVote(message, target)) {
                long score = scores(message.roomJid()).increment(SCORE + target, vote.group(2).equals("++") ? 1 : -1);
                answer(message, target + " now has " + score + " karma.");
            }
        }
    }

    @Command(name = "karma", usage = "[nick]", help = "Tells someone's karma, or the room's best.",
            maxArgs = 1, scopes = CommandScope.ROOM)
    public void karma(CommandInvocation invocation) {
        KeyValueStore scores = scores(invocation.room().orElseThrow().roomJid());
        if (invocation.argument(0).isPresent()) {
            String nick = invocation.argument(0).get();
            long score = scores.get(SCORE + nick.toLowerCase(Locale.ROOT), ValueCodec.LONG).orElse(0L);
            invocation.reply(nick + " has " + score + " karma.");
            return;
        }
        String best = scores.entries(SCORE).entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, String> entry) -> Long.parseLong(entry.getValue()))
                        .reversed())
                .limit(context.config().topSize())
                .map(entry -> entry.getKey().substring(SCORE.length()) + " " + entry.getValue())
                .collect(Collectors.joining(", "));
        invocation.reply(best.isEmpty() ? "Nobody has karma here yet." : "Karma: " + best);
    }

    @Command(name = "karma-reset", usage = "<nick>", help = "Sets someone's karma back to zero.",
            permission = Permission.MODERATOR, minArgs = 1, maxArgs = 1, scopes = CommandScope.ROOM)
    public void reset(CommandInvocation invocation) {
        String nick = invocation.argument(0).orElseThrow();
        scores(invocation.room().orElseThrow().roomJid()).delete(SCORE + nick.toLowerCase(Locale.ROOT));
        context.logger().info("{} reset the karma of {}", invocation.sender().displayName(), nick);
        invocation.reply(nick + " starts again from zero.");
    }

    private KeyValueStore scores(String roomJid) {
        return context.storage().room(roomJid);
    }

    /** Nicks can be taken by anyone: the voter is known by occupant id or real JID when the room gives them. */
    private boolean mayVote(RoomMessageReceivedEvent message, String target) {
        Occupant voter = message.sender();
        String who = voter.occupantId().or(voter::realJid).orElse(voter.nick());
        String key = message.roomJid() + " " + who + " " + target;
        Instant now = context.clock().instant();
        Instant previous = lastVotes.get(key);
        if (previous != null && now.isBefore(previous.plus(context.config().cooldown()))) {
            return false;
        }
        lastVotes.put(key, now); // no race: one room's events are handled one at a time
        return true;
    }

    private void answer(RoomMessageReceivedEvent message, String text) {
        context.rooms().room(message.roomJid()).ifPresent(room -> room.reply(message, text));
    }
}
