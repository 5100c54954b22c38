package org.majordome.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.majordome.api.text.Wording;
import org.majordome.schedule.JobListing;

/**
 * Every scheduled job (notices, topic rotation, reminders, the ends of sanctions and lockdowns: each plugin's jobs,
 * in memory and stored) with its plugin, room and next run, soonest first, times in UTC (the page says so). A room
 * owner sees the jobs of their rooms only; the plugin-wide jobs, which belong to no room, only bot admins. A room
 * filter naming a room the operator does not manage is a 403.
 */
public final class SchedulePage implements ConsolePage {

    private final Supplier<List<JobListing>> jobs;

    /** @param jobs the scheduler's listing ({@code SchedulerService::listing}) */
    public SchedulePage(Supplier<List<JobListing>> jobs) {
        this.jobs = jobs;
    }

    @Override
    public String path() {
        return "schedule";
    }

    @Override
    public String title() {
        return "Schedule";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Html get(ConsoleRequest request) throws ConsoleDenied {
        Operator operator = request.operator();
        Wording w = request.words();
        Optional<String> room = request.param("room");
        RoomAccess.requireIfGiven(request, room);
        List<List<Html>> rows = new ArrayList<>();
        for (JobListing job : jobs.get()) {
            boolean visible = job.room().map(operator::mayManage).orElse(operator.botAdmin());
            if (!visible || room.isPresent() && !job.room().equals(room)) {
                continue;
            }
            rows.add(List.of(Html.text(job.pluginId()), Html.text(job.room().orElse(w.format("console.schedule.all-rooms"))),
                    Html.text(job.name()), Html.text(w.format(job.persistent() ? "console.schedule.stored"
                            : "console.schedule.in-memory")), Html.text(job.schedule().in(w)),
                    Html.text(job.nextRun().map(w::moment).orElse(w.format("console.schedule.no-next-run")))));
        }
        Html filter = Html.format("<form method=\"get\" action=\"{}\" role=\"search\" aria-label=\"{}\">"
                + "<label for=\"schedule-room\">{}</label> "
                + "<input type=\"text\" id=\"schedule-room\" name=\"room\" value=\"{}\"> "
                + "<button type=\"submit\">{}</button></form>\n", PageParts.ROOT + path(),
                w.format("console.filter.filters"), w.format("console.schedule.room-filter"), room.orElse(""),
                w.format("console.filter.submit"));
        Html table = rows.isEmpty() ? Html.format("<p>{}</p>\n", w.format("console.schedule.none"))
                : PageParts.table(w.format("console.schedule.caption", rows.size()),
                List.of("plugin", "room", "job", "kept", "schedule", "next-run").stream()
                        .map(column -> w.format("console.schedule.column." + column)).toList(), rows);
        return Html.format("<p>{}</p>\n{}{}", w.format("console.schedule.utc"), filter, table);
    }
}
