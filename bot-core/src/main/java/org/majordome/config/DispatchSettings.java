package org.majordome.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * How events and commands reach plugins.
 *
 * @param commandPrefix         what starts a command in chat ({@code !} by default)
 * @param repliesPerSender      commands one sender may run per {@code replyPeriod} (the bot cannot be used to flood)
 * @param replyPeriod           the period of that limit
 * @param answerUnknownCommands whether an unknown command gets a short answer
 * @param queueCapacity         events waiting per room before new ones are shed
 * @param handlerTimeLimit      how long one plugin call may run before it is left to finish alone
 * @param pluginDirectory       a directory of third-party plugin jars, if any
 * @param scriptsDirectory      a directory of JavaScript plugins ({@code *.js}, one plugin each), if any
 * @param scriptTimeLimit       how long one call into a script may run before it is interrupted
 * @param rateLimitExempt       who {@code repliesPerSender} does not apply to (bot admins and room owners by default)
 */
public record DispatchSettings(String commandPrefix, int repliesPerSender, Duration replyPeriod,
                               boolean answerUnknownCommands, int queueCapacity, Duration handlerTimeLimit,
                               Optional<Path> pluginDirectory, Optional<Path> scriptsDirectory,
                               Duration scriptTimeLimit, Set<RateLimitExempt> rateLimitExempt) {

    /** Bot admins and room owners: those who run the bot and the room are never silenced by it. */
    public static final Set<RateLimitExempt> DEFAULT_RATE_LIMIT_EXEMPT =
            Set.of(RateLimitExempt.BOT_ADMINS, RateLimitExempt.ROOM_OWNERS);

    public DispatchSettings {
        rateLimitExempt = Set.copyOf(rateLimitExempt);
    }

    /** Settings with the default rate-limit exemptions. */
    public DispatchSettings(String commandPrefix, int repliesPerSender, Duration replyPeriod,
                            boolean answerUnknownCommands, int queueCapacity, Duration handlerTimeLimit,
                            Optional<Path> pluginDirectory, Optional<Path> scriptsDirectory, Duration scriptTimeLimit) {
        this(commandPrefix, repliesPerSender, replyPeriod, answerUnknownCommands, queueCapacity, handlerTimeLimit,
                pluginDirectory, scriptsDirectory, scriptTimeLimit, DEFAULT_RATE_LIMIT_EXEMPT);
    }

    /** Settings without script plugins. */
    public DispatchSettings(String commandPrefix, int repliesPerSender, Duration replyPeriod,
                            boolean answerUnknownCommands, int queueCapacity, Duration handlerTimeLimit,
                            Optional<Path> pluginDirectory) {
        this(commandPrefix, repliesPerSender, replyPeriod, answerUnknownCommands, queueCapacity, handlerTimeLimit,
                pluginDirectory, Optional.empty(), defaults().scriptTimeLimit());
    }

    public static DispatchSettings defaults() {
        return new DispatchSettings("!", 5, Duration.ofSeconds(10), true, 1000, Duration.ofSeconds(10), Optional.empty(),
                Optional.empty(), Duration.ofSeconds(2), DEFAULT_RATE_LIMIT_EXEMPT);
    }
}
