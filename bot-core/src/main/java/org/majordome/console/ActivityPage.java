package org.majordome.console;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.majordome.activity.ActivityCounter;
import org.majordome.api.text.Wording;
import org.majordome.store.ActivityTable;

/**
 * Messages and moderation actions per hour over the last days (UTC), from the bot's own counters, which outlive
 * restarts: two bar charts in inline SVG (presentation attributes only: the console's policy forbids inline style
 * and script) and the same numbers as a table, for screen readers and for copying. An operator sees the sum of
 * the rooms they manage, or one of them ({@code ?room=}); a room they do not manage is a 403.
 */
public final class ActivityPage implements ConsolePage {

    static final int DEFAULT_DAYS = 7;
    private static final int MAX_DAYS = 14;

    private final ActivityCounter counter;
    private final Clock clock;

    public ActivityPage(ActivityCounter counter, Clock clock) {
        this.counter = counter;
        this.clock = clock;
    }

    @Override
    public String path() {
        return "activity";
    }

    @Override
    public String title() {
        return "Activity";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Html get(ConsoleRequest request) throws ConsoleDenied {
        Operator operator = request.operator();
        Optional<String> room = request.param("room");
        RoomAccess.requireIfGiven(request, room);
        Wording w = request.words();
        int days = request.param("days").flatMap(ActivityPage::number).filter(n -> n >= 1 && n <= MAX_DAYS)
                .orElse(DEFAULT_DAYS);
        long lastHour = ActivityCounter.epochHour(clock.instant());
        long firstHour = lastHour - 24L * days + 1;
        long[] messages = new long[24 * days];
        long[] actions = new long[24 * days];
        for (ActivityTable.Row row : counter.since(firstHour)) {
            boolean shown = room.map(row.roomJid()::equals).orElse(operator.mayManage(row.roomJid()));
            if (shown && row.epochHour() <= lastHour) {
                messages[(int) (row.epochHour() - firstHour)] += row.messages();
                actions[(int) (row.epochHour() - firstHour)] += row.actions();
            }
        }
        String scope = room.orElse(w.format(operator.botAdmin() ? "console.activity.scope.all"
                : "console.activity.scope.yours"));
        return Html.format("<p>{}</p>\n{}{}{}{}", w.format("console.activity.intro", scope, days), filter(w, room, days),
                ActivityChart.bars(w, "chart-messages", w.format("console.activity.chart.messages"), messages,
                        firstHour, "#3b6ea5"),
                ActivityChart.bars(w, "chart-actions", w.format("console.activity.chart.actions"), actions, firstHour,
                        "#b5473b"),
                table(w, messages, actions, firstHour));
    }

    private static Optional<Integer> number(String text) {
        try {
            return Optional.of(Integer.parseInt(text.trim()));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    private Html filter(Wording w, Optional<String> room, int days) {
        return Html.format("<form method=\"get\" action=\"{}\" role=\"search\" aria-label=\"{}\">"
                        + "<label for=\"activity-room\">{}</label> "
                        + "<input type=\"text\" id=\"activity-room\" name=\"room\" value=\"{}\"> "
                        + "<label for=\"activity-days\">{}</label> "
                        + "<input type=\"number\" id=\"activity-days\" name=\"days\" min=\"1\" max=\"{}\" value=\"{}\"> "
                        + "<button type=\"submit\">{}</button></form>\n", PageParts.ROOT + path(),
                w.format("console.activity.filter"), w.format("console.activity.room"), room.orElse(""),
                w.format("console.activity.days"), MAX_DAYS, days, w.format("console.activity.show"));
    }

    /** The hours with any activity, as text: what the charts show, for those who do not see them. */
    private static Html table(Wording w, long[] messages, long[] actions, long firstHour) {
        List<List<Html>> rows = new ArrayList<>();
        for (int i = 0; i < messages.length; i++) {
            if (messages[i] > 0 || actions[i] > 0) {
                rows.add(List.of(Html.text(w.moment(Instant.ofEpochSecond((firstHour + i) * 3600))),
                        Html.text(Long.toString(messages[i])), Html.text(Long.toString(actions[i]))));
            }
        }
        if (rows.isEmpty()) {
            return Html.format("<p>{}</p>\n", w.format("console.activity.none"));
        }
        return PageParts.table(w.format("console.activity.caption"), List.of("hour", "messages", "actions").stream()
                .map(column -> w.format("console.activity.column." + column)).toList(), rows);
    }
}
