package org.majordome.plugins.moderation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

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
 * The console's list of sanctions in force or on their way (the pending records {@link SanctionExpiry} ends), the
 * soonest end first, permanent bans last; each opens its case, where it can be undone.
 */
final class PendingSection implements ConsoleSection {

    private final ConsoleRooms rooms;
    private final CaseBook book;
    private final CaseSection cases;
    private final Texts texts;

    /** @param texts the plugin's texts: the section's words are in the operator's language */
    PendingSection(ConsoleRooms rooms, CaseBook book, CaseSection cases, Texts texts) {
        this.rooms = rooms;
        this.book = book;
        this.cases = cases;
        this.texts = texts;
    }

    @Override
    public String id() {
        return "sanctions";
    }

    @Override
    public String title(Locale language) {
        return texts.inLanguage(language).format("console.pending.title");
    }

    @Override
    public List<ConsoleFilter> filters(Locale language) {
        Wording w = texts.inLanguage(language);
        return List.of(ConsoleFilter.text("room", w.format("console.field.room")),
                ConsoleFilter.choice("sanction", w.format("console.field.sanction"), List.of("MUTE", "BAN")));
    }

    @Override
    public List<String> columns(Locale language) {
        Wording w = texts.inLanguage(language);
        return List.of(w.format("console.field.case"), w.format("console.field.room"),
                w.format("console.field.offender"), w.format("console.field.sanction"),
                w.format("console.field.ends-room-time"), w.format("console.field.state"));
    }

    @Override
    public List<ConsoleRow> list(ConsoleQuery query) {
        record Found(String room, PendingSanction pending) {
        }
        List<Found> found = new ArrayList<>();
        for (String room : rooms.visible(query)) {
            if (query.filter("room").map(named -> ConsoleRooms.names(named, room)).orElse(true)) {
                book.pending(room).stream()
                        .filter(pending -> query.filter("sanction").map(pending.sanction().name()::equals).orElse(true))
                        .forEach(pending -> found.add(new Found(room, pending)));
            }
        }
        found.sort(Comparator.comparing(one -> one.pending().until().orElse(Instant.MAX)));
        Wording w = texts.inLanguage(query.language());
        List<ConsoleRow> rows = new ArrayList<>();
        for (Found one : found.subList(0, Math.min(found.size(), query.limit()))) {
            PendingSanction pending = one.pending();
            rows.add(new ConsoleRow(one.room(), Long.toString(pending.caseNumber()), List.of(
                    ConsoleRooms.caseName(one.room(), pending.caseNumber()), one.room(), pending.offender().describe(),
                    pending.action(), pending.until().map(until -> rooms.time(one.room(), until))
                            .orElse(w.format("console.pending.never")),
                    w.format(pending.confirmed() ? "console.pending.in-force" : "console.pending.sent"))));
        }
        return rows;
    }

    /** A pending sanction's detail is its case's, with the case's undo. */
    @Override
    public Optional<ConsoleDetail> detail(String room, String rowId, Locale language) {
        return CaseSection.number(rowId).flatMap(number -> book.pending(room, number)).flatMap(pending ->
                cases.detail(room, rowId, language));
    }

    @Override
    public CompletionStage<ConsoleOutcome> act(ConsoleActionRequest request) {
        return cases.act(request);
    }
}
