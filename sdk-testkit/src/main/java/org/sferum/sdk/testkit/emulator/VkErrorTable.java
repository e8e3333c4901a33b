package org.sferum.sdk.testkit.emulator;

import java.util.Map;
import java.util.Objects;
import org.sferum.sdk.error.ErrorCode;

/**
 * The one table that turns the SDK's {@link ErrorCode}s into VK API {@code error_code}s, as
 * {@code docs/wire/vk-api.md} ("Error codes") lists them. sdk-core keeps the reverse table; a test compares them.
 * The meanings are the descriptions of the VK API schema's {@code errors.json}.
 */
public final class VkErrorTable {
    /** VK {@code error_code} 1: Unknown error occurred. */
    public static final int UNKNOWN_ERROR = 1;
    /** VK {@code error_code} 3: Unknown method passed. */
    public static final int UNKNOWN_METHOD = 3;
    /** VK {@code error_code} 5: User authorization failed. */
    public static final int AUTHORIZATION_FAILED = 5;
    /** VK {@code error_code} 8: Invalid request (for example {@code v} is missing). */
    public static final int INVALID_REQUEST = 8;
    /** VK {@code error_code} 10: Internal server error. */
    public static final int INTERNAL_ERROR = 10;
    /** VK {@code error_code} 23: This method was disabled (the emulator: not implemented yet). */
    public static final int METHOD_DISABLED = 23;
    /** VK {@code error_code} 100: One of the parameters specified was missing or invalid. */
    public static final int INVALID_PARAMETER = 100;

    /**
     * [choice] The first of the Sferum partner block {@value}…{@code 4199} ({@code docs/wire/calls.md}, "Errors"):
     * the calls' refusals, which the VK API schema does not describe. The block is free in the schema's
     * {@code errors.json}.
     */
    public static final int PARTNER_CALLS_BLOCK = 4100;

    /** The partner block's meanings, by code; the schema's {@code errors.json} describes none of them. */
    static final Map<Integer, String> PARTNER_MEANINGS = Map.ofEntries(
            Map.entry(4100, "You are not invited to this call"),
            Map.entry(4101, "Anonymous participants are not allowed in this call"),
            Map.entry(4102, "Waiting to be admitted to this call"),
            Map.entry(4103, "You were removed from this call"),
            Map.entry(4104, "You are not an admin of this call"),
            Map.entry(4105, "An educational profile is required"),
            Map.entry(4106, "This recording is not available to you"),
            Map.entry(4107, "Call not found"),
            Map.entry(4108, "Participant not found"),
            Map.entry(4109, "Recording not found"),
            Map.entry(4110, "Call has not started yet"),
            Map.entry(4111, "Call has ended"),
            Map.entry(4112, "You are not in this call"),
            Map.entry(4113, "Recording state conflict"),
            Map.entry(4114, "Conflict with the current state"));

    private static final Map<Integer, String> MEANINGS = Map.ofEntries(
            Map.entry(UNKNOWN_ERROR, "Unknown error occurred"),
            Map.entry(UNKNOWN_METHOD, "Unknown method passed"),
            Map.entry(AUTHORIZATION_FAILED, "User authorization failed"),
            Map.entry(6, "Too many requests per second"),
            Map.entry(INVALID_REQUEST, "Invalid request"),
            Map.entry(INTERNAL_ERROR, "Internal server error"),
            Map.entry(12, "Unable to compile code"),
            Map.entry(13, "Runtime error occurred during code invocation"),
            Map.entry(15, "Access denied"),
            Map.entry(METHOD_DISABLED, "This method was disabled"),
            Map.entry(INVALID_PARAMETER, "One of the parameters specified was missing or invalid"),
            Map.entry(103, "Out of limits"),
            Map.entry(104, "Not found"),
            Map.entry(113, "Invalid user id"),
            Map.entry(902, "Can't send messages to this user due to their privacy settings"),
            Map.entry(909, "Can't edit this message, because it's too old"),
            Map.entry(914, "Message is too long"),
            Map.entry(917, "You don't have access to this chat"),
            Map.entry(924, "Can't delete this message for everybody"),
            Map.entry(925, "You are not admin of this chat"),
            Map.entry(927, "Chat does not exist"),
            Map.entry(970, "Cannot pin an expiring message"),
            Map.entry(1012, "Writing is disabled for this chat"),
            Map.entry(1117, "Access token has expired"));

    private VkErrorTable() {
    }

    /**
     * Returns the code a VK method answers for a partner code (issue 9, item 6): VK's own methods, such as
     * {@code calls.forceFinish} and {@code calls.start}, answer only codes of VK's {@code errors.json}, so a partner
     * code 4100–4114 becomes VK's generic code and travels as {@code error_subcode}: 15 (Access denied) for what
     * the caller may not do, 104 (Not found) for what does not exist, 100 (invalid parameter) for a state the call
     * is not in. Any other code is returned as it is.
     *
     * @param vkCode the code the error table gave
     * @return the code VK's own methods answer
     */
    public static int generic(int vkCode) {
        switch (vkCode) {
            case 4100: // not invited
            case 4101: // anonymous not allowed
            case 4102: // waiting for admission
            case 4103: // removed
            case 4104: // not a call admin
            case 4105: // educational profile required
            case 4106: // recording not visible
            case 4112: // not in the call
                return 15;
            case 4107: // call not found
            case 4108: // participant not found
            case 4109: // recording not found
                return 104;
            case 4110: // not started
            case 4111: // ended
            case 4113: // recording state
            case 4114: // conflict
                return INVALID_PARAMETER;
            default:
                return vkCode;
        }
    }

    /**
     * Tells whether a code is one of the partner block ({@value #PARTNER_CALLS_BLOCK}…4199).
     *
     * @param vkCode a VK error code
     * @return whether it is a partner code
     */
    public static boolean isPartnerCode(int vkCode) {
        return vkCode >= PARTNER_CALLS_BLOCK && vkCode < PARTNER_CALLS_BLOCK + 100;
    }

    /**
     * Returns the VK {@code error_code} the emulator answers for an SDK error code. Codes the table does not list
     * ({@code TRANSPORT_FAILURE}, {@code MALFORMED_RESPONSE}: failures only a client observes) and codes added
     * later answer {@value #UNKNOWN_ERROR}, which sdk-core reads back as
     * {@link ErrorCode#UNKNOWN}.
     *
     * @param code the SDK error code
     * @return the VK error code
     */
    public static int vkCode(ErrorCode code) {
        switch (Objects.requireNonNull(code, "code")) {
            case INVALID_ARGUMENT:
            case MESSAGE_EMPTY:
            case INVALID_CHAT_TITLE:
            case INVALID_PAGE_REQUEST:
                return INVALID_PARAMETER;
            case CONFLICT:
                return 4114;
            case MESSAGE_TOO_LONG:
                return 914;
            case AUTHENTICATION_FAILED:
            case RELINK_REQUIRED:
                return AUTHORIZATION_FAILED;
            case TOKEN_EXPIRED:
                return 1117;
            case NOT_A_CHAT_MEMBER:
                return 917;
            case NOT_ALLOWED_IN_CHAT:
                return 925;
            case PERMISSION_DENIED:
                return 15;
            case CHAT_NOT_FOUND:
                return 927;
            case USER_NOT_FOUND:
                return 113;
            case MESSAGE_NOT_FOUND:
            case NOT_FOUND:
            case INVITE_LINK_INVALID:
                return 104;
            case LIMIT_REACHED:
                return 103;
            case EDIT_WINDOW_EXPIRED:
                return 909;
            case CANNOT_DELETE_FOR_EVERYONE:
                return 924;
            case WRITING_DISABLED:
                return 1012;
            case NOT_A_CONTACT:
                return 902;
            case CANNOT_PIN_EXPIRING_MESSAGE:
                return 970;
            case NOT_INVITED_TO_CALL:
                return 4100;
            case ANONYMOUS_NOT_ALLOWED:
                return 4101;
            case WAITING_FOR_ADMISSION:
                return 4102;
            case REMOVED_FROM_CALL:
                return 4103;
            case CALL_ADMIN_REQUIRED:
                return 4104;
            case EDUCATIONAL_PROFILE_REQUIRED:
                return 4105;
            case RECORDING_NOT_VISIBLE:
                return 4106;
            case CALL_NOT_FOUND:
                return 4107;
            case PARTICIPANT_NOT_FOUND:
                return 4108;
            case RECORDING_NOT_FOUND:
                return 4109;
            case CALL_NOT_STARTED:
                return 4110;
            case CALL_ENDED:
                return 4111;
            case NOT_IN_CALL:
                return 4112;
            case RECORDING_STATE_CONFLICT:
                return 4113;
            case RATE_LIMITED:
                return 6;
            case SERVICE_UNAVAILABLE:
                return INTERNAL_ERROR;
            case UNKNOWN:
            default:
                return UNKNOWN_ERROR;
        }
    }

    /**
     * Returns the VK meaning of an error code, the first part of every {@code error_msg} the emulator sends.
     *
     * @param vkCode a VK error code the emulator answers
     * @return the meaning, or "Unknown error occurred" for a code the emulator never answers
     */
    public static String meaning(int vkCode) {
        String partner = PARTNER_MEANINGS.get(vkCode);
        return partner != null ? partner : MEANINGS.getOrDefault(vkCode, MEANINGS.get(UNKNOWN_ERROR));
    }
}
