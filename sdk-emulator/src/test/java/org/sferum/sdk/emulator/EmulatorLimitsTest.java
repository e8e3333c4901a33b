package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.testkit.engine.vkid.VkIdEngine;

/**
 * The caps that keep a client without a login from growing the emulator's memory (issue 9): the length of every VK
 * API parameter (VK's error 100), the length of {@code state}/{@code nonce}/{@code scope} on {@code /authorize}, and
 * the number of live VK ID logins.
 */
class EmulatorLimitsTest extends VkIdTestBase {

    @Test
    @DisplayName("F-EMB-04 20,000 GET /authorize keep the live VK ID logins at the cap; the newest still works")
    void authorizeFloodKeepsLiveLoginsAtTheCap() {
        String first = null;
        String last = null;
        for (int i = 0; i < 20_000; i++) {
            HttpResponse<String> page = wire.get(wire.authorization().uri());
            assertEquals(200, page.statusCode(), page::body);
            last = VkIdWire.flowId(page.body());
            if (first == null) {
                first = last;
            }
        }
        assertEquals(VkIdEngine.MAX_LIVE_LOGINS, emulator.engine().vkId().liveLogins());
        assertEquals(404, wire.submit(first, "phone", "phone", school.teacher().phone()).statusCode(),
                "the oldest login was dropped");
        HttpResponse<String> next = wire.submit(last, "phone", "phone", school.teacher().phone());
        assertEquals(200, next.statusCode(), next::body);
        assertTrue(next.body().contains("name=\"password\""), "the newest login went on to the password page");
    }

    @Test
    @DisplayName("F-EMB-04 F-LINK-11 /authorize with a state longer than 1024 characters answers a page, no redirect")
    void longStateIsAPage() {
        String state = "s".repeat(VkIdEngine.MAX_STATE_LENGTH + 1);
        URI uri = URI.create(wire.authorization().uri().toString().replaceFirst("state=[^&]*", "state=" + state));
        int before = emulator.engine().vkId().liveLogins();
        HttpResponse<String> page = wire.get(uri);
        assertEquals(400, page.statusCode(), page::body);
        assertTrue(page.headers().firstValue("Location").isEmpty(), "not redirected");
        assertTrue(page.body().contains("слишком длинный"), page::body);
        assertFalse(page.body().contains("sssssssss"), "the state is not echoed");
        assertEquals(before, emulator.engine().vkId().liveLogins());
    }

    @Test
    @DisplayName("F-EMB-04 a VK API parameter longer than 131,072 characters is VK's error 100 naming it, not echoing it")
    void longParameterIsError100() {
        String token = school.teacher().token().secret();
        HttpResponse<String> answer = wire.post("/method/messages.send", null, Wire.form("access_token", token,
                "v", "5.199", "peer_id", "2000000001", "random_id", "7",
                "message", "m".repeat(VkCallReader.MAX_PARAM_CHARS + 1)));
        JsonNode error = Wire.json(answer).get("error");
        assertEquals(100, error.get("error_code").asInt(), answer::body);
        String message = error.get("error_msg").asText();
        assertTrue(message.contains("message is longer than 131072 characters"), message);
        assertFalse(answer.body().contains("mmmmmmmm"), "the value is not echoed");
        HttpResponse<String> name = wire.post("/method/users.get", null, Wire.form("access_token", token,
                "v", "5.199", "n".repeat(VkCallReader.MAX_PARAM_NAME_CHARS + 1), "1"));
        assertEquals(100, Wire.json(name).get("error").get("error_code").asInt(), name::body);
        HttpResponse<String> fits = wire.post("/method/users.get", null, Wire.form("access_token", token,
                "v", "5.199", "fields", "x".repeat(VkCallReader.MAX_PARAM_CHARS)));
        assertTrue(Wire.json(fits).has("response"), fits::body);
    }
}
