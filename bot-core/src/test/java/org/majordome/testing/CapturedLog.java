package org.majordome.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;

/**
 * The log lines the bot in this JVM writes under one logger (and its children), as {@code LEVEL message}
 * (followed by {@code | exception class: its message} when the line carries one), for tests that check what
 * an operator would read. Close it to stop capturing.
 */
public final class CapturedLog implements AutoCloseable {

    private final Logger logger;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            IThrowableProxy cause = event.getThrowableProxy();
            lines.add(event.getLevel() + " " + event.getFormattedMessage()
                    + (cause == null ? "" : " | " + cause.getClassName() + ": " + cause.getMessage()));
        }
    };

    private CapturedLog(String loggerName) {
        this.logger = (Logger) LoggerFactory.getLogger(loggerName);
        appender.start();
        logger.addAppender(appender);
    }

    /** Starts capturing what {@code loggerName} and the loggers under it log at their configured levels. */
    public static CapturedLog of(String loggerName) {
        return new CapturedLog(loggerName);
    }

    /** The lines so far, in order. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** Whether a line so far starts with {@code level} and contains every fragment. */
    public boolean has(String level, String... fragments) {
        return lines.stream().anyMatch(line -> line.startsWith(level + " ")
                && List.of(fragments).stream().allMatch(line::contains));
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
