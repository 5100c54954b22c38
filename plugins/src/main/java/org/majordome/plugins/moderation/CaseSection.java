package org.majordome.plugins.moderation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

import org.majordome.api.console.ConsoleActionRequest;
import org.majordome.api.console.ConsoleDetail;
import org.majordome.api.console.ConsoleFilter;
import org.majordome.api.console.ConsoleOutcome;
import org.majordome.api.console.ConsoleQuery;
import org.majordome.api.console.ConsoleRow;
import org.majordome.api.console.ConsoleSection;
import org.majordome.api.text.Texts;
import org.majordome.api.text.Wording;

/**
 * The console's list of cases: filtered by room, offender, rule, action, actor and days (UTC), each with its
 * evidence, and undone from there ({@link CaseUndo}: lifting a ban or a mute, or pardoning the offender's points),
 * each undo a case naming the operator. The console checks the operator's rooms; this lists only those anyway.
 */
final class CaseSection implements ConsoleSection {

    static final String ID = "cases";

    private final ConsoleRooms rooms;
    private final CaseBook book;
    private final CaseUndo undo;
    private final Texts texts;

    /** @param texts the plugin's texts: the section's words are in the operator's language */
    CaseSection(ConsoleRooms rooms, CaseBook book, CaseUndo undo, Texts texts) {
        this.rooms = rooms;
        this.book = book;
        this.undo = undo;
        this.texts = texts;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title(Locale language) {
        return texts.inLanguage(language).format("console.cases.title");
    }

    @Override
    public List<ConsoleFilter> filters(Locale language) {
        Wording w = texts.inLanguage(language);
        return List.of(ConsoleFilter.text("room", w.format("console.field.room")),
                ConsoleFilter.text("offender", w.format("console.field.offender")),
                ConsoleFilter.text("rule", w.format("console.field.rule")),
                ConsoleFilter.text("action", w.format("console.field.action")),
                ConsoleFilter.text("actor", w.format("console.field.actor")),
                ConsoleFilter.date("from", w.format("console.filter.from")),
                ConsoleFilter.date("to", w.format("console.filter.to")));
    }

    @Override
    public List<String> columns(Locale language) {
        Wording w = texts.inLanguage(language);
        return List.of(w.format("console.field.case"), w.format("console.field.room"),
                w.format("console.field.when-room-time"), w.format("console.field.offender"),
                w.format("console.field.rule"), w.format("console.field.action"), w.format("console.field.actor"));
    }

    @Override
    public List<ConsoleRow> list(ConsoleQuery query) {
        Predicate<ModerationCase> filter = filter(query);
        List<ModerationCase> found = new ArrayList<>();
        for (String room : rooms.visible(query)) {
            if (query.filter("room").map(named -> ConsoleRooms.names(named, room)).orElse(true)) {
                found.addAll(book.all(room, filter));
            }
        }
        found.sort(Comparator.comparing(ModerationCase::at).reversed());
        List<ConsoleRow> rows = new ArrayList<>();
        for (ModerationCase entry : found.subList(0, Math.min(found.size(), query.limit()))) {
            rows.add(new ConsoleRow(entry.room(), Long.toString(entry.number()), List.of(
                    ConsoleRooms.caseName(entry.room(), entry.number()), entry.room(), rooms.time(entry.room(), entry.at()),
                    offender(entry), entry.rule(), entry.action(), entry.actor())));
        }
        return rows;
    }

    private static Predicate<ModerationCase> filter(ConsoleQuery query) {
        Optional<String> offender = query.filter("offender").map(CaseSection::lower);
        Optional<String> rule = query.filter("rule").map(CaseSection::lower);
        Optional<String> action = query.filter("action").map(CaseSection::lower);
        Optional<String> actor = query.filter("actor").map(CaseSection::lower);
        Optional<Instant> from = query.filter("from").flatMap(CaseSection::day);
        Optional<Instant> to = query.filter("to").flatMap(CaseSection::day).map(day -> day.plusSeconds(86_400));
        return entry -> offender.map(text -> lower(offender(entry)).contains(text)).orElse(true)
                && rule.map(lower(entry.rule())::contains).orElse(true)
                && action.map(lower(entry.action())::contains).orElse(true)
                && actor.map(lower(entry.actor())::contains).orElse(true)
                && from.map(start -> !entry.at().isBefore(start)).orElse(true)
                && to.map(end -> entry.at().isBefore(end)).orElse(true);
    }

    private static Optional<Instant> day(String text) {
        try {
            return Optional.of(LocalDate.parse(text.trim()).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException notADay) {
            return Optional.empty();
        }
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    static String offender(ModerationCase entry) {
        return entry.realJid().filter(jid -> !jid.equals(entry.nick())).map(jid -> entry.nick() + " (" + jid + ")")
                .orElse(entry.nick());
    }

    @Override
    public Optional<ConsoleDetail> detail(String room, String rowId, Locale language) {
        Wording w = texts.inLanguage(language);
        return number(rowId).flatMap(number -> book.find(room, number)).map(entry -> new ConsoleDetail(
                w.format("console.cases.detail", ConsoleRooms.caseName(room, entry.number())), List.of(
                        new ConsoleDetail.Field(w.format("console.field.room"), entry.room()),
                        new ConsoleDetail.Field(w.format("console.field.offender"), offender(entry)),
                        new ConsoleDetail.Field(w.format("console.field.held-under"), entry.offenderKey()),
                        new ConsoleDetail.Field(w.format("console.field.rule"), entry.rule()),
                        new ConsoleDetail.Field(w.format("console.field.action"), entry.dryRun()
                                ? w.format("console.cases.dry-run", entry.action()) : entry.action()),
                        new ConsoleDetail.Field(w.format("console.field.until"),
                                entry.expires().map(until -> rooms.time(room, until)).orElse("—")),
                        new ConsoleDetail.Field(w.format("console.field.actor"), entry.actor()),
                        new ConsoleDetail.Field(w.format("console.field.when"), rooms.time(room, entry.at())),
                        new ConsoleDetail.Field(w.format("console.field.fallback"),
                                entry.fallback().isEmpty() ? "—" : entry.fallback()),
                        new ConsoleDetail.Field(w.format("console.field.evidence"), entry.evidence())),
                undo.offered(entry, w)));
    }

    static Optional<Long> number(String rowId) {
        try {
            return Optional.of(Long.parseLong(rowId));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    @Override
    public CompletionStage<ConsoleOutcome> act(ConsoleActionRequest request) {
        return undo.run(request, number(request.rowId()).flatMap(number -> book.find(request.room(), number)));
    }
}
