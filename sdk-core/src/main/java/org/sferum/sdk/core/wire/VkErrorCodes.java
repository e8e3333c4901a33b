package org.sferum.sdk.core.wire;

import org.sferum.sdk.error.ErrorCode;

/**
 * The error table of {@code docs/wire/vk-api.md}, read direction: which SDK {@link ErrorCode} a VK API
 * {@code error_code} means. The emulator applies the same table in the other direction; keep the two in step.
 */
public final class VkErrorCodes {
    /** Unknown error occurred. */
    public static final int UNKNOWN_ERROR = 1;
    /** Unknown method passed. */
    public static final int UNKNOWN_METHOD = 3;
    /** User authorization failed. */
    public static final int AUTHORIZATION_FAILED = 5;
    /** Too many requests per second. */
    public static final int TOO_MANY_REQUESTS = 6;
    /** Permission to perform this action is denied. */
    public static final int ACTION_DENIED = 7;
    /** Invalid request (for example {@code v} missing). */
    public static final int INVALID_REQUEST = 8;
    /** Flood control. */
    public static final int FLOOD_CONTROL = 9;
    /** Internal server error. */
    public static final int INTERNAL_ERROR = 10;
    /** Access denied. */
    public static final int ACCESS_DENIED = 15;
    /** Rate limit reached. */
    public static final int RATE_LIMIT_REACHED = 29;
    /** One of the parameters specified was missing or invalid. */
    public static final int INVALID_PARAMETER = 100;
    /** Out of limits. */
    public static final int OUT_OF_LIMITS = 103;
    /** Not found. */
    public static final int NOT_FOUND = 104;
    /** Invalid user id. */
    public static final int INVALID_USER_ID = 113;
    /** Can't edit this message, because it's too old. */
    public static final int MESSAGE_TOO_OLD = 909;
    /** Message is too long. */
    public static final int MESSAGE_TOO_LONG = 914;
    /** You don't have access to this chat. */
    public static final int NO_ACCESS_TO_CHAT = 917;
    /** You are not admin of this chat. */
    public static final int NOT_CHAT_ADMIN = 925;
    /** Chat does not exist. */
    public static final int CHAT_DOES_NOT_EXIST = 927;
    /** Contact not found. */
    public static final int CONTACT_NOT_FOUND = 936;
    /**
     * [choice] The first code of the Sferum partner block for calls ({@code docs/wire/calls.md}, "Errors"):
     * {@value} to {@code 4113}, one code per calls' {@link ErrorCode}, and {@code 4114} for the general
     * {@link ErrorCode#CONFLICT}, which the VK API has no code for.
     */
    public static final int PARTNER_CALLS_BLOCK = 4100;
    /** Access token has expired. */
    public static final int TOKEN_EXPIRED = 1117;

    private VkErrorCodes() {
    }

    /**
     * Reads a VK API error code as an SDK error code. Codes outside the table are {@link ErrorCode#UNKNOWN}.
     *
     * @param vkCode the {@code error_code} the service sent
     * @return the SDK code
     */
    public static ErrorCode toErrorCode(int vkCode) {
        switch (vkCode) {
            case INVALID_PARAMETER:
                return ErrorCode.INVALID_ARGUMENT;
            case MESSAGE_TOO_LONG:
                return ErrorCode.MESSAGE_TOO_LONG;
            case AUTHORIZATION_FAILED:
                return ErrorCode.AUTHENTICATION_FAILED;
            case TOKEN_EXPIRED:
                return ErrorCode.TOKEN_EXPIRED;
            case NO_ACCESS_TO_CHAT:
                return ErrorCode.NOT_A_CHAT_MEMBER;
            case NOT_CHAT_ADMIN:
                return ErrorCode.NOT_ALLOWED_IN_CHAT;
            case ACCESS_DENIED:
            case ACTION_DENIED:
                return ErrorCode.PERMISSION_DENIED;
            case CHAT_DOES_NOT_EXIST:
                return ErrorCode.CHAT_NOT_FOUND;
            case INVALID_USER_ID:
            case CONTACT_NOT_FOUND:
                return ErrorCode.USER_NOT_FOUND;
            case NOT_FOUND:
                return ErrorCode.MESSAGE_NOT_FOUND;
            case OUT_OF_LIMITS:
                return ErrorCode.LIMIT_REACHED;
            case MESSAGE_TOO_OLD:
                return ErrorCode.EDIT_WINDOW_EXPIRED;
            case 924:
                return ErrorCode.CANNOT_DELETE_FOR_EVERYONE;
            case 1012:
                return ErrorCode.WRITING_DISABLED;
            case 902:
                return ErrorCode.NOT_A_CONTACT;
            case 970:
                return ErrorCode.CANNOT_PIN_EXPIRING_MESSAGE;
            case 4100:
                return ErrorCode.NOT_INVITED_TO_CALL;
            case 4101:
                return ErrorCode.ANONYMOUS_NOT_ALLOWED;
            case 4102:
                return ErrorCode.WAITING_FOR_ADMISSION;
            case 4103:
                return ErrorCode.REMOVED_FROM_CALL;
            case 4104:
                return ErrorCode.CALL_ADMIN_REQUIRED;
            case 4105:
                return ErrorCode.EDUCATIONAL_PROFILE_REQUIRED;
            case 4106:
                return ErrorCode.RECORDING_NOT_VISIBLE;
            case 4107:
                return ErrorCode.CALL_NOT_FOUND;
            case 4108:
                return ErrorCode.PARTICIPANT_NOT_FOUND;
            case 4109:
                return ErrorCode.RECORDING_NOT_FOUND;
            case 4110:
                return ErrorCode.CALL_NOT_STARTED;
            case 4111:
                return ErrorCode.CALL_ENDED;
            case 4112:
                return ErrorCode.NOT_IN_CALL;
            case 4113:
                return ErrorCode.RECORDING_STATE_CONFLICT;
            case 4114:
                return ErrorCode.CONFLICT;
            case TOO_MANY_REQUESTS:
            case FLOOD_CONTROL:
            case RATE_LIMIT_REACHED:
                return ErrorCode.RATE_LIMITED;
            case INTERNAL_ERROR:
                return ErrorCode.SERVICE_UNAVAILABLE;
            case UNKNOWN_ERROR:
            default:
                return ErrorCode.UNKNOWN;
        }
    }

    /**
     * Reads a VK API error code with its {@code error_subcode}: VK's own methods (such as {@code calls.forceFinish})
     * answer a generic VK code (15, 100, 104) and carry the partner's precise code 4100–4199 as the subcode
     * ({@code docs/wire/vk-api.md}, "Error codes"); that subcode wins. Any other subcode is VK's own detail and the
     * code is read alone.
     *
     * @param vkCode the {@code error_code}
     * @param subcode the {@code error_subcode}; 0 when absent
     * @return the SDK code
     */
    public static ErrorCode toErrorCode(int vkCode, long subcode) {
        if (subcode >= PARTNER_CALLS_BLOCK && subcode < PARTNER_CALLS_BLOCK + 100) {
            return toErrorCode((int) subcode);
        }
        return toErrorCode(vkCode);
    }

    /**
     * Tells whether the doc lists a VK code as retryable on the client: 6, 9, 10 and 29.
     *
     * @param vkCode the {@code error_code}
     * @return whether repeating the request later may succeed
     */
    public static boolean retryable(int vkCode) {
        return toErrorCode(vkCode).retryable();
    }

    /**
     * Tells whether a VK code says the request was refused before anything was done (a rate limit), so that
     * repeating it is safe even for a call that is not idempotent.
     *
     * @param vkCode the {@code error_code}
     * @return whether the request was certainly not carried out
     */
    public static boolean refusedBeforeExecution(int vkCode) {
        return toErrorCode(vkCode) == ErrorCode.RATE_LIMITED;
    }

    /**
     * Builds the exception of a refusal carried inside an answer rather than as its envelope's {@code error}: the
     * {@code error} of one item of {@code messages.send}'s {@code peer_ids} form ({@code base_message_error},
     * {@code {"code", "description"}}).
     *
     * @param result the answer it came in
     * @param error the error object
     * @return the exception of the matching subclass, to throw
     */
    public static org.sferum.sdk.error.SferumException exception(VkResult result, com.fasterxml.jackson.databind.JsonNode error) {
        long wire = Json.longOr(error, "code", Json.longOr(error, "error_code", -1));
        if (wire <= 0 || wire > Integer.MAX_VALUE) {
            return result.malformed("has an item error without a code");
        }
        int code = (int) wire;
        ErrorCode mapped = toErrorCode(code, Json.longOr(error, "error_subcode", 0));
        String said = Redactor.redact(Json.text(error, "description", Json.text(error, "error_msg", "")));
        return org.sferum.sdk.error.SferumException.of(mapped, result.method() + " failed: " + ErrorHints.of(mapped)
                + " (VK error " + code + (said.isEmpty() ? "" : ": " + said) + ")", code, result.requestId(), null);
    }
}
