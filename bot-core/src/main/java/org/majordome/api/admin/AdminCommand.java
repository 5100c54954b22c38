package org.majordome.api.admin;

import java.util.List;
import java.util.Locale;

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
     * The name in the requester's language ({@link AdminRequest#language()}): what the runtime shows. By default
     * {@link #name()}; a plugin that ships bundles returns {@code context.texts().inLanguage(language).format(...)}.
     */
    default String name(Locale language) {
        return name();
    }

    /**
     * The fields to ask before running, in display order; empty for commands that run at once. Asked again
     * at every execution, so that choices can list the current rooms.
     */
    default List<AdminField> form() {
        return List.of();
    }

    /** The fields, their labels in the requester's language: what the runtime asks. By default {@link #form()}. */
    default List<AdminField> form(Locale language) {
        return form();
    }

    /**
     * What the form asks for, shown above its fields (XEP-0004 instructions), e.g. "Choose a room and type
     * its new subject."; empty for none. The runtime adds how to run or cancel the command.
     */
    default String instructions() {
        return "";
    }

    /** The instructions in the requester's language: what the runtime shows. By default {@link #instructions()}. */
    default String instructions(Locale language) {
        return instructions();
    }

    /**
     * Runs the command; its answer is written in {@link AdminRequest#language()}. Called on a worker thread (it may wait, within reason: the client waits too); an
     * exception is reported to the administrator as a failure.
     */
    AdminResult run(AdminRequest request);
}
