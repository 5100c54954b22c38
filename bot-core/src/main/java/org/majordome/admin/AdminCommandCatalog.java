package org.majordome.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.majordome.api.admin.AdminCommand;
import org.majordome.api.admin.AdminCommands;

/**
 * Every administration command on offer, the runtime's own and those plugins offer, each with its owner
 * so that a stopping plugin's commands go with it. Thread-safe.
 */
public final class AdminCommandCatalog {

    /** The owner of the runtime's own commands. */
    public static final String RUNTIME = "majordome";
    private static final Pattern NODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_./-]{0,99}");

    /** Owners whose entries are not offered now (disabled plugins); guarded by this catalog's monitor. */
    private final java.util.Set<String> hidden = new java.util.HashSet<>();

    private record Entry(String owner, AdminCommand command) {
    }

    private final Map<String, Entry> byNode = new LinkedHashMap<>();

    /** The registry one owner (a plugin id, or {@link #RUNTIME}) offers its commands through. */
    public AdminCommands forOwner(String owner) {
        return command -> offer(owner, command);
    }

    private synchronized AdminCommands.Registration offer(String owner, AdminCommand command) {
        String node = command.node();
        if (node == null || !NODE.matcher(node).matches()) {
            throw new IllegalArgumentException("administration command node '" + node + "' of " + owner
                    + " must be letters, digits and -_./ (at most 100)");
        }
        Entry taken = byNode.get(node);
        if (taken != null) {
            throw new IllegalArgumentException("administration command node '" + node + "' of " + owner
                    + " is already offered by " + taken.owner());
        }
        Entry entry = new Entry(owner, command);
        byNode.put(node, entry);
        return () -> withdraw(node, entry);
    }

    private synchronized void withdraw(String node, Entry entry) {
        byNode.remove(node, entry);
    }

    /** Withdraws every command of one owner (the plugin stopped). */
    public synchronized void withdrawAll(String owner) {
        byNode.values().removeIf(entry -> entry.owner().equals(owner));
    }

    /** The commands on offer, in the order they were offered. */
    public synchronized List<AdminCommand> commands() {
        List<AdminCommand> commands = new ArrayList<>();
        byNode.values().stream().filter(entry -> !hidden.contains(entry.owner()))
                .forEach(entry -> commands.add(entry.command()));
        return commands;
    }

    public synchronized Optional<AdminCommand> command(String node) {
        return Optional.ofNullable(byNode.get(node)).filter(entry -> !hidden.contains(entry.owner()))
                .map(Entry::command);
    }

    /**
     * Hides (or shows again) the commands of one owner while it stays registered: a plugin an operator disabled
     * offers none, and they are back as they were when it is enabled.
     */
    public synchronized void hide(String owner, boolean hide) {
        if (hide) {
            hidden.add(owner);
        } else {
            hidden.remove(owner);
        }
    }
}
