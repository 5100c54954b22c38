package org.majordome.dispatch;

import java.time.Duration;
import java.util.Objects;

/**
 * How the dispatcher behaves.
 *
 * @param queueCapacity         events waiting per room (or direct-chat sender) before new ones are shed
 * @param handlerTimeLimit      how long one handler call may hold its room's queue
 * @param commandPrefix         what starts a command, e.g. {@code !}
 * @param repliesPerSender      commands one sender may run per {@code replyRefillPeriod} (burst size)
 * @param replyRefillPeriod     the period over which a sender's allowance refills completely
 * @param answerUnknownCommands whether an unknown command gets a short answer (off when other bots share the prefix)
 */
public record DispatcherSettings(int queueCapacity, Duration handlerTimeLimit, String commandPrefix,
                                 int repliesPerSender, Duration replyRefillPeriod, boolean answerUnknownCommands) {

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
    }

    /** 1,000 events per room, 10 s per handler, prefix {@code !}, 5 commands per sender per 10 s, unknown commands answered. */
    public static DispatcherSettings defaults() {
        return new DispatcherSettings(1_000, Duration.ofSeconds(10), "!", 5, Duration.ofSeconds(10), true);
    }

    public DispatcherSettings withQueueCapacity(int capacity) {
        return new DispatcherSettings(capacity, handlerTimeLimit, commandPrefix, repliesPerSender, replyRefillPeriod,
                answerUnknownCommands);
    }

    public DispatcherSettings withHandlerTimeLimit(Duration limit) {
        return new DispatcherSettings(queueCapacity, limit, commandPrefix, repliesPerSender, replyRefillPeriod,
                answerUnknownCommands);
    }

    public DispatcherSettings withCommandPrefix(String prefix) {
        return new DispatcherSettings(queueCapacity, handlerTimeLimit, prefix, repliesPerSender, replyRefillPeriod,
                answerUnknownCommands);
    }

    public DispatcherSettings withReplyRate(int replies, Duration period) {
        return new DispatcherSettings(queueCapacity, handlerTimeLimit, commandPrefix, replies, period,
                answerUnknownCommands);
    }

    public DispatcherSettings withAnswerUnknownCommands(boolean answer) {
        return new DispatcherSettings(queueCapacity, handlerTimeLimit, commandPrefix, repliesPerSender,
                replyRefillPeriod, answer);
    }
}
