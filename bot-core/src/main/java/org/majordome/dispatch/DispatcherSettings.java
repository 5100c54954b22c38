package org.majordome.dispatch;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How the dispatcher behaves.
 *
 * @param queueCapacity         events waiting per room (or direct-chat sender) before new ones are shed, and
 *                              per plugin lane in a room before that plugin misses new ones
 * @param handlerTimeLimit      how long one plugin call may run before it is left to finish alone
 * @param commandPrefix         what starts a command, e.g. {@code !}
 * @param repliesPerSender      commands one sender may run per {@code replyRefillPeriod} (burst size)
 * @param replyRefillPeriod     the period over which a sender's allowance refills completely
 * @param answerUnknownCommands whether an unknown command gets a short answer (off when other bots share the prefix)
 * @param rateLimitExempt       who the per-sender allowance does not apply to
 */
public record DispatcherSettings(int queueCapacity, Duration handlerTimeLimit, String commandPrefix,
                                 int repliesPerSender, Duration replyRefillPeriod, boolean answerUnknownCommands,
                                 Set<RateLimitExemption> rateLimitExempt) {

    /** Bot admins and room owners: those who run the bot and the room must never be silenced by it. */
    public static final Set<RateLimitExemption> DEFAULT_RATE_LIMIT_EXEMPT =
            Set.of(RateLimitExemption.BOT_ADMINS, RateLimitExemption.ROOM_OWNERS);

    public DispatcherSettings {
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be at least 1, was " + queueCapacity);
        }
        Objects.requireNonNull(handlerTimeLimit, "handlerTimeLimit");
        if (handlerTimeLimit.isNegative() || handlerTimeLimit.isZero()) {
            throw new IllegalArgumentException("handlerTimeLimit must be positive, was " + handlerTimeLimit);
        }
        new CommandParser(commandPrefix); // validates the prefix
        if (repliesPerSender < 1) {
            throw new IllegalArgumentException("repliesPerSender must be at least 1, was " + repliesPerSender);
        }
        Objects.requireNonNull(replyRefillPeriod, "replyRefillPeriod");
        if (replyRefillPeriod.isNegative() || replyRefillPeriod.isZero()) {
            throw new IllegalArgumentException("replyRefillPeriod must be positive, was " + replyRefillPeriod);
        }
        rateLimitExempt = Set.copyOf(rateLimitExempt);
    }

    /**
     * 1,000 events per room (and per plugin lane), 10 s per handler, prefix {@code !}, 5 commands per sender per
     * 10 s (bot admins and room owners exempt), unknown commands answered.
     */
    public static DispatcherSettings defaults() {
        return new DispatcherSettings(1_000, Duration.ofSeconds(10), "!", 5, Duration.ofSeconds(10), true,
                DEFAULT_RATE_LIMIT_EXEMPT);
    }

    public DispatcherSettings withQueueCapacity(int capacity) {
        return new DispatcherSettings(capacity, handlerTimeLimit, commandPrefix, repliesPerSender, replyRefillPeriod,
                answerUnknownCommands, rateLimitExempt);
    }

    public DispatcherSettings withHandlerTimeLimit(Duration limit) {
        return new DispatcherSettings(queueCapacity, limit, commandPrefix, repliesPerSender, replyRefillPeriod,
                answerUnknownCommands, rateLimitExempt);
    }

    public DispatcherSettings withCommandPrefix(String prefix) {
        return new DispatcherSettings(queueCapacity, handlerTimeLimit, prefix, repliesPerSender, replyRefillPeriod,
                answerUnknownCommands, rateLimitExempt);
    }

    public DispatcherSettings withReplyRate(int replies, Duration period) {
        return new DispatcherSettings(queueCapacity, handlerTimeLimit, commandPrefix, replies, period,
                answerUnknownCommands, rateLimitExempt);
    }

    public DispatcherSettings withAnswerUnknownCommands(boolean answer) {
        return new DispatcherSettings(queueCapacity, handlerTimeLimit, commandPrefix, repliesPerSender,
                replyRefillPeriod, answer, rateLimitExempt);
    }

    /** Who the per-sender command allowance does not apply to (empty: everyone is limited). */
    public DispatcherSettings withRateLimitExempt(Set<RateLimitExemption> exempt) {
        return new DispatcherSettings(queueCapacity, handlerTimeLimit, commandPrefix, repliesPerSender,
                replyRefillPeriod, answerUnknownCommands, exempt);
    }
}
