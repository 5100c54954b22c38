package org.majordome.api.admin;

import java.util.List;

/**
 * One administration command. The runtime checks that the requester is a bot administrator before it
 * shows the form or calls {@link #run}; the command does not check again.
 */
public interface AdminCommand {

    /**
     * The command's stable identifier (the XEP-0050 node), e.g. {@code status} or {@code moderation/cases}:
     * letters, digits and {@code -_/.} only, unique among all commands.
     */
    String node();

    /** What clients show in their command list, e.g. "Recent moderation cases". */
    String name();

    /**
     * The fields to ask before running, in display order; empty for commands that run at once. Asked again
     * at every execution, so that choices can list the current rooms.
     */
    default List<AdminField> form() {
        return List.of();
    }

    /**
     * What the form asks for, shown above its fields (XEP-0004 instructions), e.g. "Choose a room and type
     * its new subject."; empty for none. The runtime adds how to run or cancel the command.
     */
    default String instructions() {
        return "";
    }

    /**
     * Runs the command. Called on a worker thread (it may wait, within reason: the client waits too); an
     * exception is reported to the administrator as a failure.
     */
    AdminResult run(AdminRequest request);
}
