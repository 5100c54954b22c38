package org.majordome.plugins.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import net.fortuna.ical4j.model.Calendar;

import org.majordome.api.PluginContext;
import org.majordome.api.storage.StorageOperations;
import org.majordome.plugins.calendar.CalendarConfig.Feed;
import org.majordome.plugins.calendar.FeedFetcher.Outcome;
import org.majordome.plugins.calendar.FeedParser.MalformedFeedException;

/**
 * The last good copy of each feed (fetched, parsed, kept in storage for restarts) and their instances expanded
 * over the moving window that reminders, agendas and commands read. One per start of the plugin.
 */
final class FeedCache {

    private static final String FEED_PREFIX = "feed/";
    /** Events that started less than this ago still count as "ongoing" for the agenda window. */
    private static final Duration LOOK_BACK = Duration.ofDays(1);
    /** How long expanded instances are reused before they are computed again for the moving window. */
    private static final Duration EXPANSION_REUSE = Duration.ofHours(1);

    private final PluginContext<CalendarConfig> context;
    private final FeedFetcher fetcher;
    /** The last good copy of each feed, parsed. */
    private final Map<String, LoadedFeed> loaded = new ConcurrentHashMap<>();
    /** Feeds whose last fetch failed: their failure is logged once per streak. */
    private final Map<String, Boolean> failing = new ConcurrentHashMap<>();
    private final Object refreshLock = new Object();
    /**
     * Bumped after every change of {@link #loaded}. An expansion remembers the version it was computed from, so
     * that one computed while a feed was being replaced is not reused for an hour (it was, with a plain reset).
     */
    private final AtomicLong feedsVersion = new AtomicLong();
    private volatile Expansion expansion;
    /** False until the first fetch of every feed has been tried: until then "nothing" may only mean "not yet". */
    private volatile boolean firstRefreshDone;

    private record LoadedFeed(Calendar calendar, Optional<String> etag, Optional<String> lastModified) {
    }

    private record Expansion(long feedsVersion, Instant computedAt, Instant until,
            Map<String, List<Occurrence>> byFeed) {
    }

    FeedCache(PluginContext<CalendarConfig> context) {
        this.context = context;
        this.fetcher = new FeedFetcher(context.config().httpTimeout());
    }

    /** Takes back the copies kept by an earlier run, so that the bot answers before the first fetch ends. */
    void restoreKeptCopies() {
        for (Feed feed : context.config().feeds()) {
            feed.rooms().orElse(List.of()).stream().filter(jid -> context.rooms().room(jid).isEmpty())
                    .forEach(jid -> context.logger().warn("feed '{}' names room {}, which the bot does not keep",
                            feed.name(), jid));
            restoreLastGoodCopy(feed);
        }
        feedsVersion.incrementAndGet();
    }

    /** Fetches every feed once; a feed that fails keeps its last good copy and the others go on. */
    void refreshAll() {
        synchronized (refreshLock) {
            for (Feed feed : context.config().feeds()) {
                try {
                    refresh(feed);
                } catch (RuntimeException e) {
                    failed(feed, "unexpected " + e);
                }
            }
            firstRefreshDone = true;
        }
    }

    /** True while none of {@code feeds} has a copy yet and their first fetch has not finished. */
    boolean stillLoading(List<String> feeds) {
        return !firstRefreshDone && !feeds.isEmpty() && feeds.stream().noneMatch(loaded::containsKey);
    }

    /** The instances of the given feeds that have not ended at {@code now}, by start. */
    List<Occurrence> upcoming(List<String> feeds, Instant now) {
        Map<String, List<Occurrence>> byFeed = instancesByFeed(now);
        return feeds.stream().flatMap(name -> byFeed.getOrDefault(name, List.of()).stream())
                .filter(occurrence -> occurrence.end().isAfter(now) || occurrence.start().isAfter(now)
                        || occurrence.start().equals(now))
                .sorted(Comparator.comparing(Occurrence::start).thenComparing(Occurrence::summary))
                .toList();
    }

    /** The instances of each loaded feed from a day ago to {@code look-ahead} from now; a feed without a copy is absent. */
    Map<String, List<Occurrence>> instancesByFeed(Instant now) {
        // Read before the copies: a copy replaced during the computation leaves this expansion outdated.
        long version = feedsVersion.get();
        Expansion current = expansion;
        if (current != null && current.feedsVersion() == version && !now.isBefore(current.computedAt())
                && now.isBefore(current.computedAt().plus(EXPANSION_REUSE))) {
            return current.byFeed();
        }
        Instant from = now.minus(LOOK_BACK);
        Instant until = now.plus(context.config().lookAhead());
        Map<String, List<Occurrence>> byFeed = new HashMap<>();
        for (Feed feed : context.config().feeds()) {
            LoadedFeed copy = loaded.get(feed.name());
            if (copy == null) {
                continue;
            }
            try {
                byFeed.put(feed.name(), FeedParser.occurrences(feed.name(), copy.calendar(), context.config().zone(),
                        from, until));
            } catch (RuntimeException e) {
                context.logger().warn("the events of feed '{}' could not be expanded: {}", feed.name(), e.toString());
            }
        }
        Expansion fresh = new Expansion(version, now, until, Map.copyOf(byFeed));
        expansion = fresh;
        return fresh.byFeed();
    }

    private void refresh(Feed feed) {
        LoadedFeed current = loaded.get(feed.name());
        Optional<String> etag = Optional.ofNullable(current).flatMap(LoadedFeed::etag);
        Optional<String> lastModified = Optional.ofNullable(current).flatMap(LoadedFeed::lastModified);
        Outcome outcome = fetcher.fetch(feed, etag, lastModified);
        switch (outcome) {
            case Outcome.NotModified notModified -> {
                if (current == null) {
                    // Validators without a copy cannot happen through this class; ask again in full next time.
                    failed(feed, "HTTP 304 without a cached copy");
                } else {
                    recovered(feed);
                }
            }
            case Outcome.Failed failed -> failed(feed, failed.reason());
            case Outcome.Fresh fresh -> {
                Calendar calendar;
                try {
                    calendar = FeedParser.parse(fresh.ics());
                } catch (MalformedFeedException e) {
                    failed(feed, e.getMessage());
                    return;
                }
                loaded.put(feed.name(), new LoadedFeed(calendar, fresh.etag(), fresh.lastModified()));
                feedsVersion.incrementAndGet();
                keepLastGoodCopy(feed, fresh);
                recovered(feed);
            }
        }
    }

    private void failed(Feed feed, String reason) {
        if (failing.put(feed.name(), true) == null) {
            context.logger().warn("feed '{}' ({}) could not be loaded: {}; {}", feed.name(), feed.source(), reason,
                    loaded.containsKey(feed.name()) ? "keeping the last good copy" : "no copy to fall back on");
        }
    }

    private void recovered(Feed feed) {
        if (failing.remove(feed.name()) != null) {
            context.logger().info("feed '{}' loads again", feed.name());
        }
    }

    private void keepLastGoodCopy(Feed feed, Outcome.Fresh fresh) {
        String prefix = FEED_PREFIX + feed.name() + "/";
        if (fresh.ics().length() > StorageOperations.MAX_VALUE_LENGTH) {
            context.logger().warn("feed '{}' is too large to keep for restarts ({} characters)", feed.name(),
                    fresh.ics().length());
            return;
        }
        context.storage().transaction(tx -> {
            tx.put(prefix + "ics", fresh.ics());
            fresh.etag().ifPresentOrElse(value -> tx.put(prefix + "etag", value), () -> tx.delete(prefix + "etag"));
            fresh.lastModified().ifPresentOrElse(value -> tx.put(prefix + "last-modified", value),
                    () -> tx.delete(prefix + "last-modified"));
        });
    }

    private void restoreLastGoodCopy(Feed feed) {
        String prefix = FEED_PREFIX + feed.name() + "/";
        Optional<String> ics = context.storage().get(prefix + "ics");
        if (ics.isEmpty()) {
            return;
        }
        try {
            loaded.put(feed.name(), new LoadedFeed(FeedParser.parse(ics.get()), context.storage().get(prefix + "etag"),
                    context.storage().get(prefix + "last-modified")));
        } catch (MalformedFeedException e) {
            context.logger().warn("the kept copy of feed '{}' is unreadable and is ignored: {}", feed.name(),
                    e.getMessage());
        }
    }
}
