package org.majordome.text;

import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The language each user's messages declared last ({@code xml:lang}, RFC 6120 §8.1.5), by the JID they came
 * from: a full JID for one-to-one chats (and their bare JID), an occupant JID ({@code room@service/nick}) for
 * messages through a room. The room keeper's intake writes it on the XMPP reader thread before the message's
 * event is queued, so the event's handlers find it.
 *
 * <p>Why a table rather than a field of the event: the message events are records that plugins build and
 * deconstruct; a new component would break them. The language of a user is also wanted later, for a direct
 * message sent on a schedule. Bounded: the least recently heard senders are forgotten first.
 */
public final class SenderLanguages {

    private static final int CAPACITY = 10_000;

    private final Map<String, Locale> byJid = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Locale> eldest) {
            return size() > CAPACITY;
        }
    };

    /**
     * Records the language a message from {@code jid} (an occupant JID, or a JID of a one-to-one chat) declared; a
     * null, blank or malformed tag, or {@code und}, records nothing.
     *
     * @param alsoBare for a one-to-one chat, also under the bare JID, for messages to the user rather than to
     *                 that client
     */
    public void record(String jid, String xmlLang, boolean alsoBare) {
        Optional<Locale> language = parse(xmlLang);
        if (jid == null || language.isEmpty()) {
            return;
        }
        String key = jid.toLowerCase(Locale.ROOT);
        synchronized (byJid) {
            byJid.put(key, language.get());
            int slash = key.indexOf('/');
            if (alsoBare && slash > 0) {
                byJid.put(key.substring(0, slash), language.get());
            }
        }
    }

    /** The language last declared by that full, bare or occupant JID. */
    public Optional<Locale> of(String jid) {
        if (jid == null) {
            return Optional.empty();
        }
        synchronized (byJid) {
            return Optional.ofNullable(byJid.get(jid.toLowerCase(Locale.ROOT)));
        }
    }

    /** A language tag as a locale; empty for null, blank, {@code und} or a malformed tag. */
    static Optional<Locale> parse(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag.strip().replace('_', '-')).build();
            return locale.getLanguage().isEmpty() ? Optional.empty() : Optional.of(locale);
        } catch (IllformedLocaleException malformed) {
            return Optional.empty();
        }
    }
}
