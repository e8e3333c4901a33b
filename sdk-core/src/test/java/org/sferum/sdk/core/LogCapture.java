package org.sferum.sdk.core;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Captures every event of the SDK's loggers at DEBUG and above, for the tests that check what is logged. */
public final class LogCapture implements AutoCloseable {
    private final Logger sdkLogger = (Logger) LoggerFactory.getLogger("org.sferum.sdk");
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Level previous;

    private LogCapture() {
        previous = sdkLogger.getLevel();
        sdkLogger.setLevel(Level.DEBUG);
        sdkLogger.setAdditive(false);
        appender.start();
        sdkLogger.addAppender(appender);
    }

    /**
     * Starts capturing.
     *
     * @return the capture; close it to restore the loggers
     */
    public static LogCapture start() {
        return new LogCapture();
    }

    /**
     * Returns a copy of the events captured so far: SDK threads (a long poll winding down) may still be logging
     * while a test reads them.
     *
     * @return the events, oldest first
     */
    public List<ILoggingEvent> events() {
        // AppenderBase.doAppend appends while holding the appender's monitor
        synchronized (appender) {
            return List.copyOf(appender.list);
        }
    }

    /**
     * Returns every text the captured events carry: each formatted message, each throwable of its cause chain
     * (class and message) and each argument, for the tests that check no secret is logged.
     *
     * @return the texts, oldest event first
     */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : events()) {
            lines.add(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                lines.add(t.getClassName() + ": " + t.getMessage());
            }
            if (event.getArgumentArray() != null) {
                for (Object argument : event.getArgumentArray()) {
                    lines.add(String.valueOf(argument));
                }
            }
        }
        return lines;
    }

    @Override
    public void close() {
        sdkLogger.detachAppender(appender);
        sdkLogger.setLevel(previous);
        sdkLogger.setAdditive(true);
    }
}
