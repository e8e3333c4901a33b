package org.sferum.sdk.core.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.core.RetryPolicy;
import org.sferum.sdk.core.ScriptedTransport;
import org.sferum.sdk.core.TestClients;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.users.AccessToken;

/**
 * The error table of docs/wire/vk-api.md, read direction: every VK code of the table becomes the right
 * {@link ErrorCode} and exception class, both in {@link VkErrorCodes} and through the client.
 */
class ErrorCodeTableTest {

    @ParameterizedTest(name = "VK {0} -> {1} ({2})")
    @CsvSource({
            "100, INVALID_ARGUMENT, ValidationException",
            "914, MESSAGE_TOO_LONG, ValidationException",
            "5, AUTHENTICATION_FAILED, AuthenticationException",
            "1117, TOKEN_EXPIRED, AuthenticationException",
            "917, NOT_A_CHAT_MEMBER, PermissionDeniedException",
            "925, NOT_ALLOWED_IN_CHAT, PermissionDeniedException",
            "15, PERMISSION_DENIED, PermissionDeniedException",
            "7, PERMISSION_DENIED, PermissionDeniedException",
            "927, CHAT_NOT_FOUND, NotFoundException",
            "113, USER_NOT_FOUND, NotFoundException",
            "936, USER_NOT_FOUND, NotFoundException",
            "104, MESSAGE_NOT_FOUND, NotFoundException",
            "103, LIMIT_REACHED, ConflictException",
            "909, EDIT_WINDOW_EXPIRED, ConflictException",
            "4100, NOT_INVITED_TO_CALL, PermissionDeniedException",
            "4101, ANONYMOUS_NOT_ALLOWED, PermissionDeniedException",
            "4102, WAITING_FOR_ADMISSION, PermissionDeniedException",
            "4103, REMOVED_FROM_CALL, PermissionDeniedException",
            "4104, CALL_ADMIN_REQUIRED, PermissionDeniedException",
            "4105, EDUCATIONAL_PROFILE_REQUIRED, PermissionDeniedException",
            "4106, RECORDING_NOT_VISIBLE, PermissionDeniedException",
            "4107, CALL_NOT_FOUND, NotFoundException",
            "4108, PARTICIPANT_NOT_FOUND, NotFoundException",
            "4109, RECORDING_NOT_FOUND, NotFoundException",
            "4110, CALL_NOT_STARTED, ConflictException",
            "4111, CALL_ENDED, ConflictException",
            "4112, NOT_IN_CALL, ConflictException",
            "4113, RECORDING_STATE_CONFLICT, ConflictException",
            "4114, CONFLICT, ConflictException",
            "6, RATE_LIMITED, RateLimitException",
            "9, RATE_LIMITED, RateLimitException",
            "29, RATE_LIMITED, RateLimitException",
            "10, SERVICE_UNAVAILABLE, ServiceException",
            "1, UNKNOWN, ServiceException",
            "8, UNKNOWN, ServiceException",
            "3, UNKNOWN, ServiceException",
            "14, UNKNOWN, ServiceException",
            "424242, UNKNOWN, ServiceException",
    })
    void table(int vkCode, ErrorCode expected, String exceptionClass) {
        assertEquals(expected, VkErrorCodes.toErrorCode(vkCode));

        ScriptedTransport transport = new ScriptedTransport();
        for (int i = 0; i < RetryPolicy.defaults().maxAttempts(); i++) {
            transport.vkError(vkCode, "error " + vkCode);
        }
        List<Duration> sleeps = new ArrayList<>();
        SferumSession session = TestClients.builder(transport, sleeps).build()
                .session(AccessToken.of(TestClients.TOKEN));
        SferumException e = assertThrows(SferumException.class, session::me);
        assertEquals(expected, e.code());
        assertEquals("org.sferum.sdk.error." + exceptionClass, e.getClass().getName());
        assertEquals(OptionalInt.of(vkCode), e.wireCode());
        assertSame(expected.category(), e.category());
    }

    @Test
    @DisplayName("retryable on the client: 6, 9, 10 and 29 only (not the partner block 4100-4114)")
    void retryable() {
        Set<Integer> retryable = Set.of(6, 9, 10, 29);
        for (int code : new int[] {1, 3, 5, 6, 7, 8, 9, 10, 14, 15, 29, 100, 103, 104, 113, 909, 914, 917, 925,
                927, 936, 1117, 4100, 4101, 4102, 4103, 4104, 4105, 4106, 4107, 4108, 4109, 4110, 4111, 4112, 4113,
                4114}) {
            assertEquals(retryable.contains(code), VkErrorCodes.retryable(code), "VK " + code);
        }
        assertEquals(Set.of(6, 9, 29), Set.of(6, 9, 29, 1, 10).stream()
                .filter(VkErrorCodes::refusedBeforeExecution).collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    @DisplayName("the emulator's table (write direction) and sdk-core's (read direction) agree on every ErrorCode")
    void emulatorAndClientTablesAgree() {
        // Codes the VK API never carries: failures only a client observes, and the linking codes of VK ID's
        // OAuth endpoints (docs/wire/vk-id.md). The emulator writes them as 1 (unknown) should they ever occur.
        Set<ErrorCode> notOnTheVkApi = java.util.EnumSet.noneOf(ErrorCode.class);
        for (ErrorCode code : ErrorCode.values()) {
            if (code != ErrorCode.UNKNOWN && org.sferum.sdk.emulator.VkErrorTable.vkCode(code) == 1) {
                notOnTheVkApi.add(code);
            }
        }
        assertEquals(java.util.EnumSet.of(ErrorCode.TRANSPORT_FAILURE, ErrorCode.MALFORMED_RESPONSE,
                ErrorCode.OUTCOME_UNKNOWN,
                ErrorCode.INVALID_PHONE, ErrorCode.CONFIRMATION_REQUIRED, ErrorCode.INVALID_PERSONAL_DATA,
                ErrorCode.INVALID_ROSTER,
                ErrorCode.WRONG_PASSWORD, ErrorCode.WRONG_SMS_CODE, ErrorCode.SMS_CODE_EXPIRED, ErrorCode.ACCESS_DENIED,
                ErrorCode.STATE_MISMATCH, ErrorCode.AUTHORIZATION_CODE_INVALID, ErrorCode.PKCE_MISMATCH,
                ErrorCode.REDIRECT_URI_MISMATCH, ErrorCode.ID_TOKEN_SIGNATURE_INVALID,
                ErrorCode.ID_TOKEN_ALGORITHM_NOT_ALLOWED, ErrorCode.ID_TOKEN_EXPIRED, ErrorCode.ID_TOKEN_ISSUER_MISMATCH,
                ErrorCode.ID_TOKEN_AUDIENCE_MISMATCH, ErrorCode.NONCE_MISMATCH, ErrorCode.ID_TOKEN_INVALID,
                ErrorCode.NOT_LINKED, ErrorCode.ACCOUNT_ALREADY_LINKED, ErrorCode.PROFILE_ALREADY_LINKED,
                ErrorCode.TOO_MANY_ATTEMPTS, ErrorCode.UNSUPPORTED_CAPABILITY, ErrorCode.MISSING_LIBRARY), notOnTheVkApi, "deciding a new code's VK error is part of adding it");
        // No VK code means "conflict": it travels as the partner code 4114 (docs/wire/calls.md) and reads back.
        assertEquals(ErrorCode.CONFLICT,
                VkErrorCodes.toErrorCode(org.sferum.sdk.emulator.VkErrorTable.vkCode(ErrorCode.CONFLICT)));
        for (ErrorCode code : ErrorCode.values()) {
            if (notOnTheVkApi.contains(code)) {
                continue;
            }
            int written = org.sferum.sdk.emulator.VkErrorTable.vkCode(code);
            ErrorCode read = VkErrorCodes.toErrorCode(written);
            assertSame(code.category(), read.category(),
                    code + " is written as VK " + written + " and read back as " + read);
            if (Set.of(100, 104, 5, 1).contains(written)) {
                continue; // rows shared by several codes (docs/wire/vk-api.md) read back as the row's first code
            }
            assertEquals(code, read, code + " is written as VK " + written);
        }
    }

    @Test
    @DisplayName("rows with several SDK codes read back as the row's first code; every code has a hint")
    void sharedRowsAndHints() {
        assertEquals(ErrorCode.INVALID_ARGUMENT, VkErrorCodes.toErrorCode(100));
        assertEquals(ErrorCode.MESSAGE_NOT_FOUND, VkErrorCodes.toErrorCode(104));
        for (ErrorCode code : ErrorCode.values()) {
            assertFalse(ErrorHints.of(code).isBlank(), code.name());
        }
    }
}
