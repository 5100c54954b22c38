package org.majordome.admin;

import java.time.Duration;
import java.time.Instant;

import org.majordome.api.text.Wording;
import org.majordome.cluster.ClusterView;
import org.majordome.text.TextService;

/**
 * The cluster in words, for the {@code status} command and {@code /health/cluster}: which rooms this instance acts
 * in, and each live instance with its rooms and its last renewal, so that an operator sees at a glance who keeps
 * which room and whether an instance has stopped renewing.
 */
final class ClusterStatusText {

    private static final Wording ENGLISH = TextService.runtimeWording(java.util.Locale.ENGLISH, java.time.ZoneOffset.UTC);

    private ClusterStatusText() {
    }

    /** In English, for {@code /health/cluster}, which operators' tools read. */
    static String describe(ClusterView view, Instant now) {
        return describe(view, now, ENGLISH);
    }

    /**
     * @param now   this instance's clock: an instance's last renewal is on the database's clock, so "ago" is as exact
     *              as the two clocks agree
     * @param words the language of the one who asked (the {@code status} command's)
     */
    static String describe(ClusterView view, Instant now, Wording words) {
        StringBuilder text = new StringBuilder(words.format(view.renewing() ? "admin.cluster.heading"
                : "admin.cluster.heading.not-renewing", view.instance(), view.acting().size()));
        text.append('\n').append(words.format("admin.cluster.live", view.members().size())).append('\n');
        for (ClusterView.Member member : view.members()) {
            String key = member.name().equals(view.instance()) ? "admin.cluster.member.this" : "admin.cluster.member";
            text.append("  ").append(words.format(key, member.name(), member.rooms().size(),
                    ago(member.lastRenewal(), now, words)));
            if (!member.rooms().isEmpty()) {
                text.append(words.format("admin.cluster.member.rooms", String.join(", ", member.rooms())));
            }
            text.append('\n');
        }
        if (!view.free().isEmpty()) {
            text.append(words.format("admin.cluster.free", view.free().size(), String.join(", ", view.free())))
                    .append('\n');
        }
        return text.toString();
    }

    /** "2.4 s ago"; a renewal a little ahead of this instance's clock is "just now" rather than in the future. */
    private static String ago(Instant moment, Instant now, Wording words) {
        Duration since = Duration.between(moment, now);
        if (since.toMillis() < 100) {
            return words.format("admin.cluster.just-now");
        }
        return words.format("admin.cluster.ago", since.toMillis() / 1000.0);
    }
}
