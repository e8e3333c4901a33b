package org.sferum.sdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.users.AccessToken;

/**
 * Nothing secret or personal reaches a log line or an exception message: not the token, not a phone number, not
 * a one-time code, not the message text, whether they travel in the request or come back in error_msg.
 */
class LogRedactionTest {
    private static final String PHONE = "+7 912 345-67-89";
    private static final String PHONE_DIGITS = "89123456789";
    private static final String CODE = "482913";
    private static final String TEXT = "Позвоните маме " + PHONE + ", код " + CODE;
    private static final String LEAKY_ERROR = "Invalid access_token=" + TestClients.TOKEN + " (Bearer "
            + TestClients.TOKEN + ") for phone " + PHONE + " / " + PHONE_DIGITS + ", code=" + CODE
            + ", sms code " + CODE;
    private static final List<String> SECRETS = List.of("SECRETtokenVALUE", TestClients.TOKEN, PHONE, "345-67-89",
            PHONE_DIGITS, CODE, "Позвоните");

    private LogCapture logs;

    private final ScriptedTransport transport = new ScriptedTransport();
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<SferumException> thrown = new ArrayList<>();

    @BeforeEach
    void capture() {
        logs = LogCapture.start();
    }

    @AfterEach
    void release() {
        logs.close();
    }

    @Test
    @DisplayName("calls that fail and succeed with a token, a phone number and a code leave no trace of them")
    void nothingLeaks() {
        String stored = "[{\"peer_id\":2000000001,\"message_id\":17,\"conversation_message_id\":1}]";
        transport
                // the sender's user, read once before its first send
                .ok("[{\"id\":100001,\"first_name\":\"Анна\",\"last_name\":\"Петрова\"}]")
                // a send that is rate limited once, then stored (one request: no read-back)
                .vkError(6, LEAKY_ERROR).ok(stored)
                // a send refused for a reason
                .vkError(917, LEAKY_ERROR)
                // a read refused as a bad parameter
                .vkError(100, LEAKY_ERROR)
                // a read that keeps failing in the network, with secrets in the exception message
                .fail(new IOException("reset while sending " + LEAKY_ERROR))
                .fail(new IOException(LEAKY_ERROR))
                .fail(new IOException(LEAKY_ERROR))
                // an unknown error code
                .vkError(31337, LEAKY_ERROR);
        SferumSession session = TestClients.builder(transport, sleeps)
                .interceptor(new InterceptorTest.Recorder()).build().session(AccessToken.of(TestClients.TOKEN));

        SferumSession sender = TestClients.builder(transport, sleeps)
                .interceptor(new InterceptorTest.Recorder()).build().session(AccessToken.of(TestClients.TOKEN));
        assertEquals(TEXT, sender.messages().send(ChatId.group(1), Draft.text(TEXT)).text());
        thrown.add(assertThrows(SferumException.class,
                () -> sender.messages().send(ChatId.group(1), Draft.text(TEXT))));
        thrown.add(assertThrows(SferumException.class, session::me));
        thrown.add(assertThrows(SferumException.class, session::me));
        thrown.add(assertThrows(SferumException.class, session::me));
        assertTrue(transport.done());

        for (SferumException e : thrown) {
            for (String secret : SECRETS) {
                assertFalse(e.getMessage().contains(secret), "exception message leaks " + secret + ": "
                        + e.getMessage());
            }
            assertTrue(e.getMessage().contains("***"), e.getMessage());
        }
        List<String> lines = logs.lines();
        for (String line : lines) {
            for (String secret : SECRETS) {
                assertFalse(line.contains(secret), "log line leaks " + secret + ": " + line);
            }
        }

        List<String> debug = logs.events().stream().filter(e -> e.getLevel() == Level.DEBUG)
                .map(ILoggingEvent::getFormattedMessage).collect(Collectors.toList());
        assertEquals(transport.requests.size(), debug.size(), "one DEBUG line per attempt: " + debug);
        assertTrue(debug.get(0).startsWith("users.get attempt 1/3 ok in "), debug.get(0));
        assertTrue(debug.get(1).startsWith("messages.send attempt 1/3 RATE_LIMITED (VK 6) in "), debug.get(1));
        assertTrue(debug.get(1).endsWith(", retrying in 200 ms"), debug.get(1));
        assertTrue(debug.get(2).startsWith("messages.send attempt 2/3 ok in "), debug.get(2));
        assertTrue(debug.stream().anyMatch(l -> l.startsWith("users.get attempt 3/3 TRANSPORT_FAILURE")), debug
                .toString());
    }
}
