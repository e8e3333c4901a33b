package org.sferum.sdk.core.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The Redactor masks tokens, phone numbers, codes and secret parameters, and leaves ordinary text alone. */
class RedactorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "token vk1.a.AbCdEf-123_xyz.more | token ***",
            "Authorization failed: invalid access_token (4). | Authorization failed: invalid access_token (4).",
            "access_token=abc123&v=5.199 | access_token=***&v=5.199",
            "?code=987654&state=xyz | ?code=***&state=***",
            "{\"access_token\":\"abc.def\"} | {\"access_token\":\"***\"}",
            "Authorization: Bearer abc.def.ghi | Authorization: Bearer ***",
            "phone +7 912 345-67-89 is taken | phone *** is taken",
            "phone +79123456789. | phone ***.",
            "phone 8 (912) 345-67-89 | phone ***",
            "phone 89123456789 | phone ***",
            "call 8-912-345-67-89 now | call *** now",
            "intl +44 20 7946 0958 | intl ***",
            "your code 123456 | your code ***",
            "Ваш код: 4821 | Ваш код: ***",
            "SMS 5678 sent | SMS *** sent",
            "refresh_token: r1.XYZ | refresh_token: ***",
    })
    void masks(String input, String expected) {
        assertEquals(expected.strip(), Redactor.redact(input.strip()));
    }

    @Test
    @DisplayName("long base64url strings are masked; UUID request ids are kept")
    void longStrings() {
        String secret = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9aaaaaaaaaaaaa";
        assertEquals("id *** end", Redactor.redact("id " + secret + " end"));
        String uuid = "123e4567-e89b-12d3-a456-426614174000";
        assertEquals("request " + uuid, Redactor.redact("request " + uuid));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Chat does not exist",
            "user 100002 is not a member of chat 7; only members can read or write in a chat",
            "One of the parameters specified was missing or invalid: peer_id is 2000000001",
            "Too many requests per second",
            "message text is 9001 characters; the limit is 9000",
            "Домашнее задание: №15, №16",
            "date 1764000000",
    })
    @DisplayName("ordinary service text, ids and counts are left as they are")
    void keepsOrdinaryText(String text) {
        assertEquals(text, Redactor.redact(text));
    }

    @Test
    @DisplayName("null and empty give empty text; long text is cut")
    void edges() {
        assertEquals("", Redactor.redact(null));
        assertEquals("", Redactor.redact(""));
        String cut = Redactor.redact("a ".repeat(1000));
        assertTrue(cut.length() <= Redactor.MAX_LENGTH + 1, String.valueOf(cut.length()));
        assertTrue(cut.endsWith("…"));
        assertEquals("x *** y", Redactor.redact("x vk1.a.token y"));
    }
}
