package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The test-side schema checker catches what it should, so that the shape checks of the other tests mean something. */
class VkSchemaCheckerTest {
    private static final String MESSAGE = "{\"id\":1,\"date\":1,\"peer_id\":2000000001,\"from_id\":100001,\"out\":1,"
            + "\"text\":\"a\",\"conversation_message_id\":1,\"version\":1}";

    private static void check(String envelope) {
        JsonNode body = Wire.parse(envelope);
        VkSchema.load().check("messages/responses.json", "messages_getById_response", body);
    }

    @Test
    @DisplayName("a well-formed getById envelope passes")
    void passes() {
        check("{\"response\":{\"count\":1,\"items\":[" + MESSAGE + "]}}");
    }

    @Test
    @DisplayName("a missing required field, a wrong type or a value outside an enum fails")
    void fails() {
        assertThrows(AssertionFailedError.class, () -> check("{\"response\":{\"count\":1,\"items\":["
                + MESSAGE.replace("\"text\":\"a\",", "") + "]}}"));
        assertThrows(AssertionFailedError.class, () -> check("{\"response\":{\"count\":\"1\",\"items\":[]}}"));
        assertThrows(AssertionFailedError.class, () -> check("{\"response\":{\"count\":1,\"items\":["
                + MESSAGE.replace("\"out\":1", "\"out\":2") + "]}}"));
        assertThrows(AssertionFailedError.class, () -> check("{\"response\":{\"count\":1}}"));
    }

    @Test
    @DisplayName("F-EMB-04 checkAnswer: a method's answer against its own definitions, VK's error shape and codes, "
            + "partner methods only as listed")
    void checksAnswers() {
        VkSchema schema = VkSchema.load();
        schema.checkAnswer("messages.getById", Wire.parse("{\"response\":{\"count\":1,\"items\":[" + MESSAGE
                + "]}}"));
        schema.checkAnswer("messages.send", Wire.parse("{\"response\":5}"));
        assertThrows(AssertionFailedError.class, () -> schema.checkAnswer("messages.send",
                Wire.parse("{\"response\":\"five\"}")));
        String error = "{\"error\":{\"error_code\":%d,\"error_msg\":\"m\",\"request_params\":[]}}";
        schema.checkAnswer("messages.send", Wire.parse(String.format(error, 100)));
        assertThrows(AssertionFailedError.class, () -> schema.checkAnswer("messages.send",
                Wire.parse(String.format(error, 4101))), "a partner code on a VK method");
        schema.checkAnswer("calls.getAttendance", Wire.parse(String.format(error, 4101)));
        assertThrows(AssertionFailedError.class, () -> schema.checkAnswer("messages.send",
                Wire.parse("{\"error\":{\"error_code\":\"100\",\"error_msg\":\"m\"}}")));
        assertThrows(AssertionFailedError.class, () -> schema.checkAnswer("messages.sendEverything",
                Wire.parse("{\"response\":1}")), "neither VK's nor partner");
        schema.checkAnswer("messages.sendEverything", Wire.parse(String.format(error, 3)));
        assertThrows(AssertionFailedError.class, () -> schema.checkAnswer("messages.send",
                Wire.parse(String.format(error, 99_999))), "not a code of errors.json");
    }
}
