package org.sferum.sdk.core.wire;

import static org.sferum.sdk.Capability.ATTACHMENTS;
import static org.sferum.sdk.Capability.CALLS_BY_LINK;
import static org.sferum.sdk.Capability.CALL_MANAGEMENT;
import static org.sferum.sdk.Capability.BOT_MESSAGING;
import static org.sferum.sdk.Capability.CHAT_ADMIN;
import static org.sferum.sdk.Capability.CHAT_CALLS;
import static org.sferum.sdk.Capability.CHAT_LIST_ACTIONS;
import static org.sferum.sdk.Capability.CHAT_SETTINGS;
import static org.sferum.sdk.Capability.CONTACTS;
import static org.sferum.sdk.Capability.EVENTS;
import static org.sferum.sdk.Capability.LESSON_CALLS;
import static org.sferum.sdk.Capability.MESSAGE_REPORTS;
import static org.sferum.sdk.Capability.MESSAGING;
import static org.sferum.sdk.Capability.NOTIFICATIONS;
import static org.sferum.sdk.Capability.POLLS;
import static org.sferum.sdk.Capability.RECORDINGS;
import static org.sferum.sdk.Capability.ROSTER;
import static org.sferum.sdk.Capability.SUPPORT;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.sferum.sdk.Capability;

/**
 * The wire methods sdk-core calls, by the {@link Capability} whose operations call them, and which of them belong
 * to the Sferum partner contract rather than the public VK API ({@code docs/wire/vk-api.md}, "Backends"). The
 * partner methods are those the VK API schema 5.199 does not publish, plus VK's {@code calls.start} and
 * {@code calls.forceFinish}, which sdk-core calls with the partner's parameters on the partner's calls. Routing reads
 * {@link #isPartner(VkRequest)}; a test checks this table against the schema, the sources and the profiles of
 * {@code org.sferum.sdk.internal.Backend}.
 */
public final class WireMethods {
    private static final Map<Capability, List<String>> BY_CAPABILITY = new EnumMap<>(Capability.class);

    /** Methods of the partner contract. */
    private static final Set<String> PARTNER = Set.of(
            "messages.report",
            "messages.setChatPermissions", "messages.setMemberRole", "messages.setChatStyle",
            "messages.setDisappearing",
            "messages.pinConversation", "messages.unpinConversation", "messages.archiveConversation",
            "messages.unarchiveConversation", "messages.markAsUnreadConversation",
            "calls.start", "calls.forceFinish", "calls.createLessonCall", "calls.getById", "calls.getByLessonKey",
            "calls.list", "calls.join", "calls.joinByLink", "calls.leave", "calls.invite", "calls.getAttendance",
            "calls.getParticipants", "calls.getWaitingRoom", "calls.admit", "calls.reject", "calls.removeParticipant",
            "calls.muteParticipant", "calls.attractAttention", "calls.setAdmin", "calls.raiseHand", "calls.setMedia",
            "calls.startRecording", "calls.stopRecording", "calls.getRecordings", "calls.getRecordingById",
            "calls.getLessonRecordings", "calls.startBroadcast", "calls.stopBroadcast",
            "roster.getChats", "roster.getLinks", "roster.setPending", "roster.archiveChat", "roster.linkAccount",
            "roster.unlinkAccount", "support.getContacts", "support.sendFeedback");

    static {
        BY_CAPABILITY.put(BOT_MESSAGING, List.of("messages.send", "messages.getById", "messages.getHistory",
                "messages.edit", "messages.delete", "messages.pin", "messages.unpin", "messages.getConversationsById",
                "messages.getConversationMembers", "users.get"));
        BY_CAPABILITY.put(MESSAGING, List.of("messages.getConversations", "messages.deleteConversation",
                "messages.send", "messages.getById", "messages.getConversationsById", "messages.markAsImportant",
                "messages.markAsRead", "messages.search", "users.get"));
        BY_CAPABILITY.put(MESSAGE_REPORTS, List.of("messages.report"));
        BY_CAPABILITY.put(CHAT_ADMIN, List.of("messages.createChat", "messages.getConversationsById",
                "messages.getConversationMembers", "messages.editChat", "messages.addChatUser",
                "messages.removeChatUser", "messages.getInviteLink", "messages.joinChatByInviteLink",
                "photos.getChatUploadServer", "messages.setChatPhoto", "messages.deleteChatPhoto", "users.get"));
        BY_CAPABILITY.put(CHAT_SETTINGS, List.of("messages.setChatPermissions", "messages.setMemberRole",
                "messages.setChatStyle", "messages.setDisappearing"));
        BY_CAPABILITY.put(CHAT_LIST_ACTIONS, List.of("messages.pinConversation", "messages.unpinConversation",
                "messages.archiveConversation", "messages.unarchiveConversation",
                "messages.markAsUnreadConversation"));
        BY_CAPABILITY.put(NOTIFICATIONS, List.of("account.getPushSettings", "account.setPushSettings",
                "account.setSilenceMode"));
        BY_CAPABILITY.put(CONTACTS, List.of("friends.get"));
        BY_CAPABILITY.put(ATTACHMENTS, List.of("photos.getMessagesUploadServer", "photos.saveMessagesPhoto",
                "video.save", "docs.getMessagesUploadServer", "docs.save", "messages.getHistoryAttachments"));
        BY_CAPABILITY.put(POLLS, List.of("polls.create", "polls.addVote", "polls.getById", "polls.getVoters"));
        BY_CAPABILITY.put(EVENTS, List.of("messages.getLongPollServer", "messages.getById", "users.get"));
        BY_CAPABILITY.put(CHAT_CALLS, List.of("calls.start"));
        BY_CAPABILITY.put(CALLS_BY_LINK, List.of("calls.start", "calls.joinByLink", "calls.invite",
                "calls.getWaitingRoom", "calls.admit", "calls.reject"));
        BY_CAPABILITY.put(LESSON_CALLS, List.of("calls.createLessonCall", "calls.getByLessonKey"));
        BY_CAPABILITY.put(CALL_MANAGEMENT, List.of("calls.list", "calls.getById", "calls.join", "calls.leave",
                "calls.forceFinish", "calls.getAttendance", "calls.getParticipants", "calls.removeParticipant",
                "calls.muteParticipant", "calls.attractAttention", "calls.setAdmin", "calls.raiseHand",
                "calls.setMedia"));
        BY_CAPABILITY.put(RECORDINGS, List.of("calls.startRecording", "calls.stopRecording", "calls.getRecordings",
                "calls.getRecordingById", "calls.getLessonRecordings", "calls.startBroadcast", "calls.stopBroadcast"));
        // docs/wire/roster.md: members through VK's execute; keyed chats, archiving, pending people and the
        // platform's view through the partner contract
        BY_CAPABILITY.put(ROSTER, List.of("messages.createChat", "messages.addChatUser", "messages.removeChatUser",
                "roster.getChats", "roster.getLinks", "roster.setPending", "roster.archiveChat",
                "roster.linkAccount", "roster.unlinkAccount"));
        BY_CAPABILITY.put(SUPPORT, List.of("support.getContacts", "support.sendFeedback"));
    }

    private WireMethods() {
    }

    /**
     * Tells whether a request goes to the partner contract: a partner method, or {@code messages.createChat} with
     * the partner's {@code permissions} (a chat created with other settings than the default, {@code
     * docs/wire/vk-api.md}).
     *
     * @param request the request
     * @return whether the partner contract carries it
     */
    public static boolean isPartner(VkRequest request) {
        return PARTNER.contains(request.method())
                || (request.method().equals("messages.createChat") && request.params().containsKey("permissions"));
    }

    /**
     * Tells whether a method belongs to the partner contract.
     *
     * @param method the method's name
     * @return whether it does
     */
    public static boolean isPartner(String method) {
        return PARTNER.contains(method);
    }

    /**
     * Returns the wire methods the operations of a capability call (empty for one sdk-core does not carry).
     *
     * @param capability the capability
     * @return the methods
     */
    public static List<String> of(Capability capability) {
        return BY_CAPABILITY.getOrDefault(capability, List.of());
    }

    /**
     * Returns every wire method in the table, sorted.
     *
     * @return the methods
     */
    public static Set<String> all() {
        Set<String> all = new TreeSet<>();
        BY_CAPABILITY.values().forEach(all::addAll);
        return Collections.unmodifiableSet(all);
    }
}
