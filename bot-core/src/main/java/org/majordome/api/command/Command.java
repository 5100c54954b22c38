package org.majordome.api.command;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a plugin method as a command. The method must be public, non-static, return {@code void},
 * declare no checked exception and take exactly one {@link CommandInvocation}. The attributes mean what the
 * same-named fields of {@link CommandSpec} mean and are validated the same way at startup.
 *
 * <pre>{@code
 * @Command(name = "kick", aliases = "k", usage = "<nick> [reason]", help = "Removes someone from the room.",
 *          permission = Permission.MODERATOR, minArgs = 1)
 * public void kick(CommandInvocation invocation) { ... }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Command {

    /** The command's name, typed after the prefix. */
    String name();

    /** Other names for it. */
    String[] aliases() default {};

    /** The argument syntax shown by help, e.g. {@code <nick> [reason]}; empty for none. */
    String usage() default "";

    /** One line saying what it does. */
    String help();

    /** The least trusted sender who may run it. */
    Permission permission() default Permission.ANYONE;

    /** Where it may be used; one-to-one chats are opt-in, because there the invocation has no room. */
    CommandScope[] scopes() default {CommandScope.ROOM, CommandScope.PRIVATE};

    /** The fewest arguments it accepts; fewer and the sender gets the usage line instead. */
    int minArgs() default 0;

    /** The most arguments it accepts, or -1 for no limit; more and the sender gets the usage line instead. */
    int maxArgs() default -1;
}
