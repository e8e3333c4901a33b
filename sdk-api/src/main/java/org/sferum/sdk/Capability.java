package org.sferum.sdk;

/**
 * What a backend can do, by feature area: the unit an embedding UI asks about with {@link Sferum#capabilities()}
 * to hide what the configured backend cannot offer. Every public operation of the API needs one capability (its
 * Javadoc says which); calling it on a backend without that capability throws
 * {@link org.sferum.sdk.error.UnsupportedCapabilityException} before anything is sent.
 *
 * <p>The granularity follows the wire: a capability groups the operations that one backend either carries
 * completely or not at all. Which backend offers which capability: {@code docs/backends.md}; which wire methods
 * each needs: {@code docs/wire/vk-api.md}.
 */
public enum Capability {
    /**
     * What a member does with messages in the chats it is in, and what a bot can do as well: sending, replying,
     * forwarding, deleting, editing, pinning a message, reading the history page by page, seeing a chat and its
     * members (F-MSG-01, F-MSG-02, F-MSG-03, F-MSG-06, F-MSG-07, F-MSG-08, F-MSG-10, F-MSG-11 paging, F-CHAT-04
     * members). Public VK API and the MAX Bot API ({@code Endpoints.max}).
     */
    BOT_MESSAGING,
    /**
     * The rest of messaging, which needs a person's account: the chat list, important marks, read state, search,
     * replying privately, clearing one's history, one-to-one chats, batches (F-SECT-01, F-MSG-04, F-MSG-09,
     * F-MSG-11 read state, F-CHAT-08 clear history, F-CHAT-09, F-CHAT-12). Public VK API; not in the MAX Bot API.
     */
    MESSAGING,
    /** Reporting a message to moderators (F-MSG-05). Partner contract. */
    MESSAGE_REPORTS,
    /**
     * Creating a chat with the default settings, its members in full, renaming, adding and removing
     * members, invite links and joining by them, the avatar, leaving (F-CHAT-02, F-CHAT-04, F-CHAT-05 add and
     * remove, F-CHAT-06, F-CHAT-08 leave, F-CHAT-10). Public VK API.
     */
    CHAT_ADMIN,
    /**
     * Who may do what in a chat (at creation and later), appointing admins, appearance, phantom chats (F-CHAT-03,
     * F-CHAT-05 admins, F-CHAT-11). Partner contract.
     */
    CHAT_SETTINGS,
    /**
     * Each user's own actions on the chat list: pin a chat, archive it, mark it unread (F-CHAT-07, F-CHAT-08).
     * Methods VK's own clients use but the public VK API schema does not publish, so the partner contract.
     */
    CHAT_LIST_ACTIONS,
    /** Notification settings and muting a chat (F-ACC-02, F-CHAT-08 mute). Public VK API. */
    NOTIFICATIONS,
    /** The people the user can reach (F-ACC-01). Public VK API. */
    CONTACTS,
    /**
     * Photos, videos and files in messages, and a chat's attachments (F-ATT-01, F-ATT-02, F-ATT-03, F-ATT-05). Public
     * VK API, and the MAX Bot API's three-step {@code /uploads} ({@code Endpoints.max}).
     */
    ATTACHMENTS,
    /** Polls: create, vote, see results (F-ATT-04). Public VK API. */
    POLLS,
    /** Starting an audio or video call in a chat (F-CALL-01). Partner contract. */
    CHAT_CALLS,
    /**
     * Calls by link: anonymous guests, the waiting room, inviting contacts (F-CALL-07, F-CALL-08). Partner contract.
     */
    CALLS_BY_LINK,
    /**
     * Online lessons: a call for a journal lesson, found by its lesson key (F-CALL-02, F-SECT-03, F-SECT-04).
     * Partner contract.
     */
    LESSON_CALLS,
    /**
     * The user's calls, joining, leaving, ending for everyone, participants and the organiser's actions on them,
     * attendance (F-SECT-02, F-CALL-03, F-CALL-04, F-CALL-05, F-CALL-09, F-EMB-06). Partner contract.
     */
    CALL_MANAGEMENT,
    /** Recordings and broadcasts of calls, a lesson's recordings (F-CALL-06, F-CALL-10, F-EMB-07). Partner contract. */
    RECORDINGS,
    /**
     * Real-time events (F-EMB-02): chat events over VK's user long poll; call events arrive only where the
     * backend also has {@link #CALL_MANAGEMENT}. Public VK API.
     */
    EVENTS,
    /** Linking school accounts to VK ID and acting as a linked account (F-LINK-01 to F-LINK-11). VK ID. */
    LINKING,
    /**
     * Roster sync from the school system and the automatic chats it keeps (F-EMB-01, F-CHAT-01). Public VK API for
     * members, the partner contract for the chats' keys, archiving and pending people ({@code docs/wire/roster.md}).
     */
    ROSTER,
    /** Help and feedback: the support contacts and sending feedback (F-ACC-03). Partner contract. */
    SUPPORT
}
