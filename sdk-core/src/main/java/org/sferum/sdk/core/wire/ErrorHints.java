package org.sferum.sdk.core.wire;

import org.sferum.sdk.error.ErrorCode;

/**
 * What each {@link ErrorCode} means for the caller and what to do, in words an embedder can act on. Exception
 * messages start with it; the service's own text follows, redacted.
 */
public final class ErrorHints {
    private ErrorHints() {
    }

    /**
     * Returns the hint for a code.
     *
     * @param code the code
     * @return one sentence without a final period
     */
    public static String of(ErrorCode code) {
        switch (code) {
            case INVALID_ARGUMENT:
                return "the service refused a parameter as missing or invalid; check the values passed";
            case MESSAGE_EMPTY:
                return "the message has no text, attachment or forwarded message";
            case MESSAGE_TOO_LONG:
                return "the message text is too long; split it into several messages or attach it as a file";
            case INVALID_CHAT_TITLE:
                return "the chat title is blank or too long";
            case INVALID_PAGE_REQUEST:
                return "the page size or cursor is invalid; pass Page.nextCursor() of the previous page";
            case INVALID_ROSTER:
                return "the roster is wrong (a duplicate id, an unknown reference, a role that does not fit); fix "
                        + "the school system's data (docs/roster.md)";
            case AUTHENTICATION_FAILED:
                return "the access token was refused (unknown, malformed or revoked); get a new token for the user";
            case TOKEN_EXPIRED:
                return "the access token has expired; refresh it or link the account again";
            case RELINK_REQUIRED:
                return "the account's link to VK ID can no longer be used; the user has to link again";
            case NOT_A_CHAT_MEMBER:
                return "the user is not a member of this chat; only members can read or write in it";
            case NOT_ALLOWED_IN_CHAT:
                return "the chat's settings do not allow this user this action; ask the chat's owner or an admin";
            case PERMISSION_DENIED:
                return "the user is not allowed to do this";
            case CHAT_NOT_FOUND:
                return "the chat does not exist; list the user's chats to find its id";
            case MESSAGE_NOT_FOUND:
                return "the message does not exist or is not in this chat";
            case USER_NOT_FOUND:
                return "a user named in the request does not exist";
            case NOT_FOUND:
                return "something named in the request does not exist";
            case CONFLICT:
                return "the request conflicts with the current state";
            case LIMIT_REACHED:
                return "a platform limit was reached";
            case EDIT_WINDOW_EXPIRED:
                return "the message can no longer be edited: the time to edit it has passed";
            case NOT_INVITED_TO_CALL:
                return "the user is not invited to this call: not a member of its chat, not invited, not holding its link";
            case ANONYMOUS_NOT_ALLOWED:
                return "this call does not let anonymous participants in; the organiser can allow them";
            case WAITING_FOR_ADMISSION:
                return "the user waits in the call's waiting room until the organiser admits them";
            case REMOVED_FROM_CALL:
                return "the organiser removed the user from this call; only the organiser can readmit them";
            case CALL_ADMIN_REQUIRED:
                return "only the call's organiser or the admins they appointed may do this";
            case EDUCATIONAL_PROFILE_REQUIRED:
                return "only users with an educational profile may watch recordings";
            case RECORDING_NOT_VISIBLE:
                return "the recording's audience does not include this user";
            case CALL_NOT_FOUND:
                return "the call does not exist; list the user's calls to find its id";
            case PARTICIPANT_NOT_FOUND:
                return "no such participant is in the call or its waiting room; list the participants again";
            case RECORDING_NOT_FOUND:
                return "the recording does not exist; list the call's recordings to find its id";
            case CALL_NOT_STARTED:
                return "the call has not started yet; it can be joined from its start time";
            case CALL_ENDED:
                return "the call has ended for everyone";
            case NOT_IN_CALL:
                return "the user is not in the call; join it first";
            case RECORDING_STATE_CONFLICT:
                return "a recording or broadcast is already running, or none is running to stop";
            case RATE_LIMITED:
                return "too many requests in a short time; wait and try again";
            case SERVICE_UNAVAILABLE:
                return "the service failed internally; try again later";
            case TRANSPORT_FAILURE:
                return "the network failed or timed out before an answer arrived; try again later";
            case MALFORMED_RESPONSE:
                return "the service answered with something this SDK cannot read";
            case MISSING_LIBRARY:
                return "an optional library this needs is not on the class path; add the artifact the message names";
            case UNSUPPORTED_CAPABILITY:
                return "the configured backend does not offer this; see Sferum.capabilities() and docs/backends.md";
            case UNKNOWN:
            default:
                return "the service reported an error this SDK does not know";
        }
    }
}
