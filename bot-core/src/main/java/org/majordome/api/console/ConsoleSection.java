package org.majordome.api.console;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * One section of the operator console: a filtered list of rows, each in a room, the detail of a row, and actions
 * on it. Everything is plain text: the console escapes it. Every text an operator reads is asked for in the
 * operator's language ({@link Locale}, from the browser; {@link ConsoleQuery#language()} for the list's cells).
 * Called on the web server's threads, concurrently with the plugin's event handlers: implementations must be
 * thread-safe.
 */
public interface ConsoleSection {

    /** The section's stable id, in its address: lower-case letters, digits and {@code -}, unique in the console. */
    String id();

    /**
     * Its title in the operator's language (the console's page, from the browser's {@code Accept-Language}), e.g.
     * "Cases"; a plugin with bundles answers {@code context.texts().inLanguage(language).format(...)}.
     */
    String title(Locale language);

    /**
     * The filters its list offers, in display order, their labels in the operator's language; the answers reach
     * {@link #list} in its query. None by default.
     */
    default List<ConsoleFilter> filters(Locale language) {
        return List.of();
    }

    /** The headings of the list's columns in the operator's language, as many as each row's cells. */
    List<String> columns(Locale language);

    /**
     * The rows that pass the query's filters, newest or most urgent first, at most {@link ConsoleQuery#limit()}.
     * List only rooms the query lets the operator see ({@link ConsoleQuery#visible(String)}): the console drops
     * the others anyway, but a section that skips them reads less.
     */
    List<ConsoleRow> list(ConsoleQuery query);

    /**
     * One row's detail in the operator's language (its title, field labels, action labels and confirmations), empty
     * when there is none (the console answers 404). The operator may manage the room.
     */
    Optional<ConsoleDetail> detail(String room, String rowId, Locale language);

    /**
     * Carries out one of the actions the row's {@link ConsoleDetail#actions()} offer, once the operator confirmed
     * it. The operator may manage the room and the action is one the detail offers: the console checked both. The
     * plugin records what it did, naming {@link ConsoleActionRequest#operator()}.
     */
    CompletionStage<ConsoleOutcome> act(ConsoleActionRequest request);
}
