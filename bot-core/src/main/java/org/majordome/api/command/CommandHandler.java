package org.majordome.api.command;

/** Runs a command after the runtime parsed it and accepted the sender's permission and argument count. */
@FunctionalInterface
public interface CommandHandler {

    /** Handles one invocation; an exception is logged and the sender told that the command failed. */
    void handle(CommandInvocation invocation);
}
