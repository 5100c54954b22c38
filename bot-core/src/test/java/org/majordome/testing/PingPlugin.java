package org.majordome.testing;

import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.api.command.Command;
import org.majordome.api.command.CommandInvocation;
import org.majordome.api.NoConfig;

/** A test plugin that answers {@code !ping} with a text of the test's choosing, in the rooms that enable it. */
public final class PingPlugin implements Plugin<NoConfig> {

    public static final String ID = "pingpong";

    private final String answer;

    /** @param answer what {@code !ping} answers, distinct enough for the test to recognise it */
    public PingPlugin(String answer) {
        this.answer = answer;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Class<NoConfig> configType() {
        return NoConfig.class;
    }

    @Override
    public void start(PluginContext<NoConfig> context) {
        // Stateless.
    }

    @Command(name = "ping", help = "Answers pong.")
    public void ping(CommandInvocation invocation) {
        invocation.reply(answer);
    }
}
