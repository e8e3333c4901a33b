package org.sferum.sdk.testkit.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.error.ErrorCode;

/** {@link VkErrorTable} is the table of docs/wire/vk-api.md, row by row. */
class VkErrorTableTest {

    @Test
    @DisplayName("every SDK error code maps to the VK error_code of the documented table")
    void documentedRows() {
        Map<ErrorCode, Integer> documented = Map.ofEntries(
                Map.entry(ErrorCode.INVALID_ARGUMENT, 100),
                Map.entry(ErrorCode.MESSAGE_EMPTY, 100),
                Map.entry(ErrorCode.INVALID_CHAT_TITLE, 100),
                Map.entry(ErrorCode.INVALID_PAGE_REQUEST, 100),
                Map.entry(ErrorCode.MESSAGE_TOO_LONG, 914),
                Map.entry(ErrorCode.AUTHENTICATION_FAILED, 5),
                Map.entry(ErrorCode.RELINK_REQUIRED, 5),
                Map.entry(ErrorCode.TOKEN_EXPIRED, 1117),
                Map.entry(ErrorCode.NOT_A_CHAT_MEMBER, 917),
                Map.entry(ErrorCode.NOT_ALLOWED_IN_CHAT, 925),
                Map.entry(ErrorCode.PERMISSION_DENIED, 15),
                Map.entry(ErrorCode.CHAT_NOT_FOUND, 927),
                Map.entry(ErrorCode.USER_NOT_FOUND, 113),
                Map.entry(ErrorCode.MESSAGE_NOT_FOUND, 104),
                Map.entry(ErrorCode.NOT_FOUND, 104),
                Map.entry(ErrorCode.INVITE_LINK_INVALID, 104),
                Map.entry(ErrorCode.CANNOT_DELETE_FOR_EVERYONE, 924),
                Map.entry(ErrorCode.WRITING_DISABLED, 1012),
                Map.entry(ErrorCode.NOT_A_CONTACT, 902),
                Map.entry(ErrorCode.CANNOT_PIN_EXPIRING_MESSAGE, 970),
                Map.entry(ErrorCode.LIMIT_REACHED, 103),
                Map.entry(ErrorCode.EDIT_WINDOW_EXPIRED, 909),
                Map.entry(ErrorCode.CONFLICT, 4114),
                Map.entry(ErrorCode.NOT_INVITED_TO_CALL, 4100),
                Map.entry(ErrorCode.ANONYMOUS_NOT_ALLOWED, 4101),
                Map.entry(ErrorCode.WAITING_FOR_ADMISSION, 4102),
                Map.entry(ErrorCode.REMOVED_FROM_CALL, 4103),
                Map.entry(ErrorCode.CALL_ADMIN_REQUIRED, 4104),
                Map.entry(ErrorCode.EDUCATIONAL_PROFILE_REQUIRED, 4105),
                Map.entry(ErrorCode.RECORDING_NOT_VISIBLE, 4106),
                Map.entry(ErrorCode.CALL_NOT_FOUND, 4107),
                Map.entry(ErrorCode.PARTICIPANT_NOT_FOUND, 4108),
                Map.entry(ErrorCode.RECORDING_NOT_FOUND, 4109),
                Map.entry(ErrorCode.CALL_NOT_STARTED, 4110),
                Map.entry(ErrorCode.CALL_ENDED, 4111),
                Map.entry(ErrorCode.NOT_IN_CALL, 4112),
                Map.entry(ErrorCode.RECORDING_STATE_CONFLICT, 4113),
                Map.entry(ErrorCode.RATE_LIMITED, 6),
                Map.entry(ErrorCode.SERVICE_UNAVAILABLE, 10),
                Map.entry(ErrorCode.UNKNOWN, 1),
                // Not in the table: failures only a client observes answer "unknown".
                Map.entry(ErrorCode.TRANSPORT_FAILURE, 1),
                Map.entry(ErrorCode.MALFORMED_RESPONSE, 1));
        for (ErrorCode code : ErrorCode.values()) {
            assertEquals(documented.getOrDefault(code, 1), VkErrorTable.vkCode(code), code.name()); // unlisted: not on the VK API
        }
    }

    @Test
    @DisplayName("the meanings are the descriptions of the VK schema's errors.json")
    void meaningsAgreeWithSchema() throws IOException {
        JsonNode errors = Wire.JSON.readTree(VkSchema.root().resolve("errors.json").toFile()).get("errors");
        Map<Integer, String> described = new HashMap<>();
        errors.forEach(error -> described.putIfAbsent(error.get("code").asInt(), error.get("description").asText()));
        Set<Integer> answered = new TreeSet<>(Set.of(VkErrorTable.UNKNOWN_METHOD, VkErrorTable.INVALID_REQUEST,
                VkErrorTable.METHOD_DISABLED, VkErrorTable.INTERNAL_ERROR));
        for (ErrorCode code : ErrorCode.values()) {
            answered.add(VkErrorTable.vkCode(code));
        }
        for (int vk : answered) {
            if (VkErrorTable.PARTNER_MEANINGS.containsKey(vk)) {
                // The partner block (docs/wire/calls.md): codes VK's schema leaves free, with meanings of our own.
                assertFalse(described.containsKey(vk), "partner code " + vk + " is taken by VK's errors.json");
                assertTrue(vk >= VkErrorTable.PARTNER_CALLS_BLOCK && vk < VkErrorTable.PARTNER_CALLS_BLOCK + 100);
                assertEquals(VkErrorTable.PARTNER_MEANINGS.get(vk), VkErrorTable.meaning(vk), "VK error " + vk);
                continue;
            }
            assertEquals(described.get(vk), VkErrorTable.meaning(vk), "VK error " + vk);
        }
    }

    @Test
    @DisplayName("F-EMB-04 the methods that keep partner codes are exactly sdk-core's partner methods VK's schema "
            + "does not publish; every partner code has a generic VK code of errors.json")
    void partnerCodesOnlyFromPartnerOnlyMethods() {
        VkSchema schema = VkSchema.load();
        Set<String> partnerOnly = new TreeSet<>();
        for (String method : PartnerMethods.ALL) {
            if (schema.responsesOf(method).isEmpty()) {
                partnerOnly.add(method);
            }
        }
        assertEquals(partnerOnly, new TreeSet<>(VkMethodDispatcher.PARTNER_CODES));
        assertTrue(partnerOnly.size() >= 30, partnerOnly::toString);
        assertFalse(VkMethodDispatcher.PARTNER_CODES.contains("calls.forceFinish"));
        for (int code = 4100; code <= 4114; code++) {
            int generic = VkErrorTable.generic(code);
            assertTrue(Set.of(15, 100, 104).contains(generic), code + " -> " + generic);
            assertTrue(VkErrorTable.isPartnerCode(code));
        }
        assertEquals(917, VkErrorTable.generic(917));
        assertFalse(VkErrorTable.isPartnerCode(4200));
    }
}
