package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.slf4j.LoggerFactory;

/** How {@link VkMethodDispatcher} turns failures a method could not foresee into VK errors 10 and 23, and what it logs. */
class VkMethodDispatcherFailuresTest {
    private static final String SECRET = "Секретный текст сообщения";

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(VkMethodDispatcher.class);
    private PlatformEngine engine;
    private String token;
    private VkMethodDispatcher api;

    @BeforeEach
    void setUp() {
        engine = new PlatformEngine(Clock.systemUTC());
        token = DemoSchool.seed(engine).teacher().token().secret();
        api = new VkMethodDispatcher(engine, Map.of(
                "test.crash", (caller, params) -> {
                    throw new IllegalStateException("boom: " + params.string("message").orElse(""),
                            new IllegalArgumentException(SECRET));
                },
                "test.disabled", (caller, params) -> {
                    throw new UnsupportedOperationException("calls are not implemented yet");
                }));
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void tearDown() {
        logger.detachAppender(log);
    }

    private JsonNode answer(String method) {
        VkCall call = new VkCall(method, Map.of("v", "5.199", "message", SECRET, "access_token", token),
                Optional.empty());
        return api.answer(call, Optional.of("req-42"));
    }

    @Test
    @DisplayName("F-MSG-01 an unexpected exception answers 10 and is logged without parameters or messages")
    void unexpected() {
        JsonNode error = answer("test.crash").get("error");
        assertEquals(10, error.get("error_code").asInt());
        assertTrue(error.get("error_msg").asText().startsWith("Internal server error: "), error::toString);
        assertFalse(error.toString().contains(SECRET));
        assertFalse(error.toString().contains(token));

        assertEquals(1, log.list.size());
        ILoggingEvent event = log.list.get(0);
        StringBuilder logged = new StringBuilder(event.getFormattedMessage());
        for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
            logged.append(' ').append(t.getClassName()).append(' ').append(t.getMessage());
        }
        assertTrue(logged.toString().contains("test.crash"), logged::toString);
        assertTrue(logged.toString().contains("req-42"), logged::toString);
        assertTrue(logged.toString().contains("IllegalStateException"), logged::toString);
        assertTrue(event.getThrowableProxy().getStackTraceElementProxyArray().length > 0, "frames are kept");
        assertFalse(logged.toString().contains(SECRET), logged::toString);
        assertFalse(logged.toString().contains(token), logged::toString);
    }

    @Test
    @DisplayName("F-MSG-01 UnsupportedOperationException answers 23 with its message")
    void unsupported() {
        JsonNode error = answer("test.disabled").get("error");
        assertEquals(23, error.get("error_code").asInt());
        assertEquals("This method was disabled: calls are not implemented yet", error.get("error_msg").asText());
        assertTrue(log.list.isEmpty());
    }
}
