package org.majordome.console;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.majordome.api.console.ConsoleAction;
import org.majordome.api.console.ConsoleActionRequest;
import org.majordome.api.console.ConsoleDetail;
import org.majordome.api.console.ConsoleFilter;
import org.majordome.api.console.ConsoleOutcome;
import org.majordome.api.console.ConsoleQuery;
import org.majordome.api.console.ConsoleRow;
import org.majordome.api.console.ConsoleSection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins' console sections ({@link SectionCatalog}), e.g. the moderation plugin's cases and pending
 * sanctions: {@code sections/<id>} lists the rows with the section's filters, {@code ?room=..&row=..} shows one
 * row, {@code &action=..} asks to confirm an action, whose POST carries it out. The operator's rooms are checked
 * here, on the server, for the list (a room filter naming another room is a 403, rows of other rooms are dropped),
 * the detail, the confirmation and the action; an action must be one the row's detail offers now. A section that
 * fails (a bug, or a script's section that threw or overran its time limit) fails its own part of the page only: the
 * page says so in words, in the layout, and the other sections still work.
 */
public final class SectionsPage implements ConsolePage {

    private static final Logger log = LoggerFactory.getLogger(SectionsPage.class);
    static final int SHOWN_ROWS = 200;
    private static final Duration ACTION_WAIT = Duration.ofSeconds(30);

    private final SectionCatalog catalog;
    /** The outcome of each operator's last action, shown once after the redirect (never taken from the URL). */
    private final Map<String, ConsoleOutcome> outcomes = new ConcurrentHashMap<>();

    public SectionsPage(SectionCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public String path() {
        return "sections";
    }

    @Override
    public String title() {
        return "Cases & records";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Html get(ConsoleRequest request) throws ConsoleDenied {
        if (request.subPath().isEmpty()) {
            return index(request);
        }
        ConsoleSection section = section(request);
        Optional<String> row = request.param("row");
        if (row.isEmpty()) {
            return list(section, request);
        }
        String room = managedRoom(request);
        ConsoleDetail detail;
        try {
            detail = section.detail(room, row.get(), request.language()).orElseThrow(() ->
                    new ConsoleDenied(404, request.text("console.sections.no-row", title(request, section))));
        } catch (RuntimeException failure) {
            return Html.format("<h2>{}</h2>\n{}", title(request, section), failed(request, section, failure));
        }
        Optional<String> action = request.param("action");
        if (action.isPresent()) {
            return confirmation(request, section, room, row.get(), offered(request, detail, action.get()));
        }
        return detail(request, section, room, row.get(), detail);
    }

    @Override
    public String post(ConsoleRequest request) throws ConsoleDenied {
        ConsoleSection section = section(request);
        String room = managedRoom(request);
        String row = request.param("row").orElseThrow(() -> new ConsoleDenied(400,
                request.text("console.sections.which-row")));
        String operator = request.operator().jid();
        ConsoleDetail detail;
        try {
            detail = section.detail(room, row, request.language()).orElseThrow(() ->
                    new ConsoleDenied(404, request.text("console.sections.no-row", title(request, section))));
        } catch (RuntimeException failure) {
            log.warn("Console section {} failed: {}", section.id(), failure.toString());
            outcomes.put(operator, ConsoleOutcome.failed(request.text("console.sections.action-failed",
                    String.valueOf(failure.getMessage()))));
            return PageParts.target("sections/" + section.id(), Map.of("outcome", "1"));
        }
        ConsoleAction action = offered(request, detail, request.param("action").orElse(""));
        ConsoleOutcome outcome = run(request, section, new ConsoleActionRequest(operator, room, row, action.name(),
                request.language()));
        log.info("Console: {} ran '{}' on {} {} row {}: {}", operator, action.name(), section.id(), room, row,
                outcome.message());
        outcomes.put(operator, outcome);
        // To the list: the row may be gone (a pending sanction lifted), and the list shows what the action recorded.
        return PageParts.target("sections/" + section.id(), Map.of("outcome", "1"));
    }

    private static ConsoleOutcome run(ConsoleRequest request, ConsoleSection section, ConsoleActionRequest action) {
        try {
            return section.act(action).toCompletableFuture().get(ACTION_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            log.warn("Console action {} of {} failed", action, section.id(), failed.getCause());
            return ConsoleOutcome.failed(request.text("console.sections.action-failed", failed.getCause().getMessage()));
        } catch (TimeoutException late) {
            return ConsoleOutcome.failed(request.text("console.sections.no-answer"));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return ConsoleOutcome.failed(request.text("console.sections.interrupted"));
        }
    }

    private ConsoleSection section(ConsoleRequest request) throws ConsoleDenied {
        String subPath = request.subPath();
        String id = subPath.contains("/") ? subPath.substring(0, subPath.indexOf('/')) : subPath;
        return catalog.section(id).orElseThrow(() -> new ConsoleDenied(404,
                request.text("console.sections.no-section")));
    }

    /** The room of a detail or action, which the operator must manage: else 403, whatever the section would say. */
    private static String managedRoom(ConsoleRequest request) throws ConsoleDenied {
        String room = request.param("room").orElseThrow(() -> new ConsoleDenied(400,
                request.text("console.sections.which-room")));
        if (!request.operator().mayManage(room)) {
            throw new ConsoleDenied(403, request.text("console.sections.not-yours"));
        }
        return room;
    }

    private static ConsoleAction offered(ConsoleRequest request, ConsoleDetail detail, String name)
            throws ConsoleDenied {
        return detail.actions().stream().filter(action -> action.name().equals(name)).findFirst()
                .orElseThrow(() -> new ConsoleDenied(400, request.text("console.sections.not-offered")));
    }

    private Html index(ConsoleRequest request) {
        List<ConsoleSection> sections = catalog.sections();
        if (sections.isEmpty()) {
            return Html.format("<p>{}</p>\n", request.text("console.sections.none"));
        }
        List<Html> items = new ArrayList<>();
        for (ConsoleSection section : sections) {
            items.add(Html.format("<li>{}</li>\n", PageParts.link(PageParts.href("sections/" + section.id(),
                    Map.of()), title(request, section))));
        }
        return Html.format("<ul>\n{}</ul>\n", Html.of(items));
    }

    private Html list(ConsoleSection section, ConsoleRequest request) throws ConsoleDenied {
        try {
            return rows(section, request);
        } catch (RuntimeException failure) {
            return Html.format("<h2>{}</h2>\n{}{}", title(request, section), outcome(request),
                    failed(request, section, failure));
        }
    }

    /**
     * A section's title; its id when asking for it fails (the failure itself is shown where the section's content
     * would be).
     */
    private static String title(ConsoleRequest request, ConsoleSection section) {
        try {
            return section.title(request.language());
        } catch (RuntimeException failure) {
            log.debug("Console section {}: no title ({})", section.id(), failure.toString());
            return section.id();
        }
    }

    /** What a failing section shows: the failure in words (escaped like everything a section gives). */
    private static Html failed(ConsoleRequest request, ConsoleSection section, RuntimeException failure) {
        log.warn("Console section {} failed: {}", section.id(), failure.toString());
        log.debug("Console section {} failed", section.id(), failure);
        return Html.format("<p role=\"alert\">{}</p>\n", request.text("console.sections.failed",
                String.valueOf(failure.getMessage())));
    }

    private Html rows(ConsoleSection section, ConsoleRequest request) throws ConsoleDenied {
        Map<String, String> filters = new LinkedHashMap<>();
        Locale language = request.language();
        for (ConsoleFilter filter : section.filters(language)) {
            request.param(filter.name()).ifPresent(value -> filters.put(filter.name(), value));
        }
        Optional<String> roomFilter = Optional.ofNullable(filters.get("room"));
        if (roomFilter.isPresent() && roomFilter.get().contains("@") && !request.operator().mayManage(roomFilter.get())) {
            throw new ConsoleDenied(403, request.text("console.sections.not-yours"));
        }
        Operator operator = request.operator();
        List<ConsoleRow> rows = section.list(new ConsoleQuery(filters, operator.rooms(), operator.botAdmin(),
                SHOWN_ROWS, language));
        List<List<Html>> cells = new ArrayList<>();
        for (ConsoleRow row : rows) {
            if (!operator.mayManage(row.room()) || cells.size() == SHOWN_ROWS) {
                continue; // a section that lists a room it should not still shows nothing of it
            }
            List<Html> line = new ArrayList<>();
            for (int i = 0; i < row.cells().size(); i++) {
                String cell = row.cells().get(i);
                line.add(i == 0 ? PageParts.link(PageParts.href("sections/" + section.id(),
                        linked(row.room(), row.id(), Map.of())), cell) : Html.text(cell));
            }
            cells.add(line);
        }
        String title = section.title(language);
        Html table = cells.isEmpty() ? Html.format("<p>{}</p>\n", request.text("console.sections.nothing"))
                : PageParts.table(request.text("console.sections.caption", title, cells.size()),
                        section.columns(language), cells);
        return Html.format("<h2>{}</h2>\n{}{}{}", title, outcome(request), SectionForms.filters(section,
                filters, language), table);
    }

    /** The outcome of the operator's last action, once, when the redirect after it asks for it. */
    private Html outcome(ConsoleRequest request) {
        if (request.param("outcome").isEmpty()) {
            return Html.empty();
        }
        ConsoleOutcome outcome = outcomes.remove(request.operator().jid());
        return outcome == null ? Html.empty() : PageParts.status(outcome.message());
    }

    private Html detail(ConsoleRequest request, ConsoleSection section, String room, String row, ConsoleDetail detail) {
        List<Html> fields = new ArrayList<>();
        for (ConsoleDetail.Field field : detail.fields()) {
            fields.add(Html.format("<dt>{}</dt><dd>{}</dd>\n", field.label(), field.value()));
        }
        List<Html> actions = new ArrayList<>();
        for (ConsoleAction action : detail.actions()) {
            actions.add(Html.format("<li>{}</li>\n", PageParts.link(PageParts.href("sections/" + section.id(),
                    linked(room, row, Map.of("action", action.name()))), action.label())));
        }
        return Html.format("<h2>{}</h2>\n<dl>\n{}</dl>\n{}<p>{}</p>\n", detail.title(), Html.of(fields),
                actions.isEmpty() ? Html.empty() : Html.format("<h3>{}</h3>\n<ul>\n{}</ul>\n",
                        request.text("console.sections.actions"), Html.of(actions)),
                PageParts.link(PageParts.href("sections/" + section.id(), Map.of()),
                        request.text("console.sections.back", title(request, section))));
    }

    private static Html confirmation(ConsoleRequest request, ConsoleSection section, String room, String row,
                                     ConsoleAction action) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("room", room);
        fields.put("row", row);
        fields.put("action", action.name());
        return Html.format("<h2>{}</h2>\n<p>{}</p>\n{}<p>{}</p>\n", action.label(), action.confirmation(),
                PageParts.postForm(request, "sections/" + section.id(), fields,
                        request.text("console.sections.confirm", action.label())),
                PageParts.link(PageParts.href("sections/" + section.id(), linked(room, row, Map.of())),
                        request.text("console.sections.cancel")));
    }

    private static Map<String, String> linked(String room, String row, Map<String, String> more) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("room", room);
        query.put("row", row);
        query.putAll(more);
        return query;
    }
}
