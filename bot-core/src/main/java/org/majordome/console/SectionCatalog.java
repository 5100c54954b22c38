package org.majordome.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.majordome.api.console.ConsoleSection;
import org.majordome.api.console.ConsoleSections;

/**
 * Every console section plugins offer, each with its owner so that a stopping plugin's sections go with it
 * ({@link SectionsPage} shows them). Thread-safe.
 */
public final class SectionCatalog {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,49}");

    /** Owners whose entries are not offered now (disabled plugins); guarded by this catalog's monitor. */
    private final java.util.Set<String> hidden = new java.util.HashSet<>();

    private record Entry(String owner, ConsoleSection section) {
    }

    private final Map<String, Entry> byId = new LinkedHashMap<>();

    /** The registry one plugin offers its sections through. */
    public ConsoleSections forOwner(String owner) {
        return section -> offer(owner, section);
    }

    private synchronized ConsoleSections.Registration offer(String owner, ConsoleSection section) {
        String id = section.id();
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("console section id '" + id + "' of " + owner
                    + " must be lower-case letters, digits and - (at most 50)");
        }
        Entry taken = byId.get(id);
        if (taken != null) {
            throw new IllegalArgumentException("console section '" + id + "' of " + owner + " is already offered by "
                    + taken.owner());
        }
        Entry entry = new Entry(owner, section);
        byId.put(id, entry);
        return () -> withdraw(id, entry);
    }

    private synchronized void withdraw(String id, Entry entry) {
        byId.remove(id, entry);
    }

    /** Withdraws every section of one owner (the plugin stopped). */
    public synchronized void withdrawAll(String owner) {
        byId.values().removeIf(entry -> entry.owner().equals(owner));
    }

    /** The sections on offer, in the order they were offered. */
    public synchronized List<ConsoleSection> sections() {
        List<ConsoleSection> sections = new ArrayList<>();
        byId.values().stream().filter(entry -> !hidden.contains(entry.owner()))
                .forEach(entry -> sections.add(entry.section()));
        return sections;
    }

    public synchronized Optional<ConsoleSection> section(String id) {
        return Optional.ofNullable(byId.get(id)).filter(entry -> !hidden.contains(entry.owner()))
                .map(Entry::section);
    }

    /**
     * Hides (or shows again) the sections of one owner while it stays registered: a plugin an operator disabled
     * offers none, and they are back as they were when it is enabled.
     */
    public synchronized void hide(String owner, boolean hide) {
        if (hide) {
            hidden.add(owner);
        } else {
            hidden.remove(owner);
        }
    }

    /** The plugin that offers a section. */
    public synchronized Optional<String> owner(String id) {
        return Optional.ofNullable(byId.get(id)).map(Entry::owner);
    }
}
