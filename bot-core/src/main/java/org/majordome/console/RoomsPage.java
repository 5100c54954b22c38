package org.majordome.console;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.majordome.api.event.Occupant;
import org.majordome.api.text.Wording;
import org.majordome.room.RoomConfigCheck;
import org.majordome.room.RoomStatus;
import org.majordome.room.RoomView;

/**
 * The console's landing page ({@code /console/rooms}): every kept room the operator manages, joined or not,
 * configured or drifting, its occupants, subject, declared affiliations, overlays (a lockdown) and last activity;
 * {@code /console/rooms/<room>} shows one room whole and offers to try joining again when the bot is out.
 */
public final class RoomsPage implements ConsolePage {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Supplier<List<RoomView>> rooms;
    private final Predicate<String> retryJoin;

    /**
     * @param rooms     the kept rooms now
     * @param retryJoin tries at once to join a room the bot is out of; false when it is in or not kept
     */
    public RoomsPage(Supplier<List<RoomView>> rooms, Predicate<String> retryJoin) {
        this.rooms = rooms;
        this.retryJoin = retryJoin;
    }

    @Override
    public String path() {
        return "rooms";
    }

    @Override
    public String title() {
        return "Rooms";
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public Html get(ConsoleRequest request) throws ConsoleDenied {
        Wording w = request.words();
        if (!request.subPath().isEmpty()) {
            return room(request, w, find(request));
        }
        List<RoomView> visible = RoomAccess.visible(request.operator(), rooms.get(), RoomView::jid);
        if (visible.isEmpty()) {
            return Html.format("<p>{}</p>", w.format("console.rooms.none"));
        }
        Html headings = Html.of(List.of("room", "state", "configuration", "occupants", "subject", "affiliations",
                "overlays", "last-activity").stream().map(column -> Html.format("<th scope=\"col\">{}</th>",
                w.format("console.rooms.column." + column))).toList());
        return Html.format("<table><caption>{}</caption><thead><tr>{}</tr></thead><tbody>{}</tbody></table>",
                w.format(request.operator().botAdmin() ? "console.rooms.caption.all" : "console.rooms.caption.managed",
                        visible.size()), headings, Html.of(visible.stream().map(room -> row(w, room)).toList()));
    }

    private static Html row(Wording w, RoomView room) {
        return Html.format("<tr><th scope=\"row\"><a href=\"rooms/{}\">{}</a>{}</th><td>{}</td><td>{}</td><td>{}</td>"
                        + "<td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                room.jid(), room.title().orElse(room.jid()), room.title().isPresent()
                        ? Html.format("<br><small>{}</small>", room.jid()) : Html.empty(),
                state(w, room.status()), configuration(w, room.configuration(), room.status()), room.occupants().size(),
                room.subject().orElse(""), affiliations(w, room), overlays(w, room),
                ConsoleRequest.time(w, room.lastActivity()));
    }

    private static String overlays(Wording w, RoomView room) {
        return room.overlays().isEmpty() ? w.format("console.rooms.overlays.none") : String.join(", ", room.overlays());
    }

    private Html room(ConsoleRequest request, Wording w, RoomView room) {
        RoomStatus status = room.status();
        RoomConfigCheck check = room.configuration();
        Html retry = status.state() == RoomStatus.State.JOINED ? Html.empty() : Html.format(
                "<form method=\"post\" action=\"{}\"><input type=\"hidden\" name=\"csrf\" value=\"{}\">"
                        + "<button type=\"submit\" name=\"action\" value=\"join\">{}</button></form>",
                room.jid(), request.csrfToken(), w.format("console.rooms.retry"));
        return Html.format("<section aria-labelledby=\"room-heading\"><h2 id=\"room-heading\">{}</h2><dl>"
                        + "<dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}{}</dd>"
                        + "<dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd>"
                        + "<dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl>{}</section>"
                        + "<section aria-labelledby=\"people-heading\"><h2 id=\"people-heading\">{}</h2>{}"
                        + "</section><section aria-labelledby=\"affiliations-heading\">"
                        + "<h2 id=\"affiliations-heading\">{}</h2>{}</section>"
                        + "<p><a href=\"../rooms\">{}</a></p>",
                room.title().orElse(room.jid()),
                w.format("console.rooms.address"), room.jid(),
                w.format("console.rooms.column.state"), w.format("console.rooms.state-since", state(w, status),
                        ConsoleRequest.time(w, status.since())),
                status.problem().map(problem -> " — " + problem.in(w)).orElse(""),
                w.format("console.rooms.column.configuration"), configurationDetail(w, check, status),
                w.format("console.rooms.column.subject"), room.subject().orElse(w.format("console.rooms.subject.none")),
                w.format("console.rooms.overlays"), overlays(w, room),
                w.format("console.rooms.column.last-activity"), ConsoleRequest.time(w, room.lastActivity()), retry,
                w.format("console.rooms.occupants", room.occupants().size()), occupants(w, room.occupants()),
                w.format("console.rooms.declared"), declared(w, room), w.format("console.rooms.all"));
    }

    @Override
    public String post(ConsoleRequest request) throws ConsoleDenied {
        RoomView room = find(request);
        if (!request.param("action").filter("join"::equals).isPresent()) {
            throw new ConsoleDenied(400, request.text("console.error.unknown-action"));
        }
        boolean tried = retryJoin.test(room.jid());
        return "rooms/" + room.jid() + (tried ? "?done=joining" : "");
    }

    /** The room named in the path, when the operator may manage it (403 first, so nothing leaks about others). */
    private RoomView find(ConsoleRequest request) throws ConsoleDenied {
        String jid = request.subPath();
        String room = Operators.bareJid(jid).orElse(jid);
        RoomAccess.require(request, room);
        Optional<RoomView> found = rooms.get().stream().filter(view -> view.jid().equals(room)).findFirst();
        return found.orElseThrow(() -> new ConsoleDenied(404, request.text("console.rooms.not-kept")));
    }

    private static String state(Wording w, RoomStatus status) {
        return w.format("console.rooms.state." + switch (status.state()) {
            case JOINED -> "joined";
            case JOINING -> "joining";
            case NOT_JOINED -> "not-joined";
            case WAITING_TO_REJOIN -> "rejoining";
            case BANNED -> "banned";
            case STOPPED -> "left";
        });
    }

    private static String configuration(Wording w, RoomConfigCheck check, RoomStatus status) {
        if (check.refused().isPresent()) {
            return w.format("console.rooms.config.refused", check.refused().get());
        }
        if (check.checkedAt().isEmpty() || !status.configurationChecked()) {
            return w.format("console.rooms.config.unchecked");
        }
        String base = w.format(check.repaired().isEmpty() ? "console.rooms.config.declared"
                : "console.rooms.config.repaired");
        return check.unsupported().isEmpty() ? base
                : w.format("console.rooms.config.inexpressible", base, check.unsupported().size());
    }

    private static Html configurationDetail(Wording w, RoomConfigCheck check, RoomStatus status) {
        Html repaired = check.repaired().isEmpty() ? Html.empty() : Html.format("<br>{}",
                w.format("console.rooms.config.put-back", check.repairedAt().map(at -> ConsoleRequest.time(w, at))
                        .orElse("?"), String.join(", ", check.repaired())));
        Html unsupported = check.unsupported().isEmpty() ? Html.empty() : Html.format("<br>{}",
                w.format("console.rooms.config.cannot", String.join("; ", check.unsupported())));
        return Html.format("{}{}{}{}", configuration(w, check, status), check.checkedAt().map(at ->
                " " + w.format("console.rooms.config.checked", ConsoleRequest.time(w, at))).orElse(""), repaired,
                unsupported);
    }

    private static String affiliations(Wording w, RoomView room) {
        if (room.declared().isEmpty()) {
            return w.format("console.rooms.affiliations.none");
        }
        int refused = room.status().unapplied().size();
        return w.format("console.rooms.affiliations.count", room.declared().size(), refused);
    }

    private static Html occupants(Wording w, List<Occupant> occupants) {
        if (occupants.isEmpty()) {
            return Html.format("<p>{}</p>", w.format("console.rooms.occupants.none"));
        }
        return Html.format("<ul>{}</ul>", Html.of(occupants.stream().map(occupant -> Html.format("<li>{} ({}, {}){}</li>",
                occupant.nick(), lower(occupant.role()), lower(occupant.affiliation()),
                occupant.realJid().map(jid -> " — " + jid).orElse(""))).toList()));
    }

    private static Html declared(Wording w, RoomView room) {
        if (room.declared().isEmpty()) {
            return Html.format("<p>{}</p>", w.format("console.rooms.declared.none"));
        }
        List<String> refused = room.status().unapplied();
        return Html.format("<ul>{}</ul>", Html.of(room.declared().entrySet().stream().map(entry -> {
            Optional<String> why = refused.stream().filter(line -> line.startsWith(entry.getKey() + " → ")).findFirst();
            return Html.format("<li>{}</li>", w.format("console.rooms.declared.entry", entry.getKey(),
                    lower(entry.getValue()), why.map(line -> w.format("console.rooms.declared.refused",
                            line.substring(line.indexOf(':') + 1).strip()))
                            .orElse(w.format("console.rooms.declared.applied"))));
        }).toList()));
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
