package org.sferum.sdk.internal;

import static org.sferum.sdk.Capability.ATTACHMENTS;
import static org.sferum.sdk.Capability.BOT_MESSAGING;
import static org.sferum.sdk.Capability.CALLS_BY_LINK;
import static org.sferum.sdk.Capability.CALL_MANAGEMENT;
import static org.sferum.sdk.Capability.CHAT_ADMIN;
import static org.sferum.sdk.Capability.CHAT_CALLS;
import static org.sferum.sdk.Capability.CHAT_LIST_ACTIONS;
import static org.sferum.sdk.Capability.CHAT_SETTINGS;
import static org.sferum.sdk.Capability.CONTACTS;
import static org.sferum.sdk.Capability.EVENTS;
import static org.sferum.sdk.Capability.LESSON_CALLS;
import static org.sferum.sdk.Capability.LINKING;
import static org.sferum.sdk.Capability.MESSAGE_REPORTS;
import static org.sferum.sdk.Capability.MESSAGING;
import static org.sferum.sdk.Capability.NOTIFICATIONS;
import static org.sferum.sdk.Capability.POLLS;
import static org.sferum.sdk.Capability.RECORDINGS;
import static org.sferum.sdk.Capability.ROSTER;
import static org.sferum.sdk.Capability.SUPPORT;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.sferum.sdk.Capability;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.NewChat;

/**
 * The one table of which {@link Capability} each public operation needs, read by the guard of every face
 * ({@link Backend}) before anything is sent. Keys are {@code Interface.method}, or
 * {@code Interface.method(ParamType,…)} where overloads need different capabilities. Operations that only hand out
 * a sub-client or read the session's own user need none. The Javadoc of each operation says the same
 * ("Needs …"); a test checks both agree and that every operation is here.
 */
public final class OperationTable {
    private static final Map<String, Optional<Capability>> TABLE = new HashMap<>();

    static {
        // The entry point: sessions of a token need nothing; linked accounts need VK ID.
        none("Sferum.session(AccessToken)", "Sferum.close");
        needs(LINKING, "Sferum.links", "Sferum.session(SchoolAccountId)",
                "Links.start", "Links.complete", "Links.find", "Links.unlink");
        needs(ROSTER, "Sferum.roster", "Roster.plan", "Roster.apply");
        none("SferumSession.me", "SferumSession.chats", "SferumSession.messages", "SferumSession.attachments",
                "SferumSession.calls", "SferumSession.contacts", "SferumSession.notifications", "SferumSession.events",
                "SferumSession.account", "Account.support", "Calls.participants", "Calls.recordings");
        needs(SUPPORT, "Support.contacts", "Support.sendFeedback");

        needs(BOT_MESSAGING, "Messages.send", "Messages.history", "Messages.iterateHistory", "Messages.edit",
                "Messages.delete", "Messages.pin", "Messages.unpin", "Messages.pinned", "Chats.get");
        needs(MESSAGING, "SferumSession.batch", "Chats.list", "Chats.clearHistory", "Messages.markImportant",
                "Messages.replyPrivately", "Messages.markRead", "Messages.search", "Messages.direct");
        needs(MESSAGE_REPORTS, "Messages.report");
        needs(CHAT_ADMIN, "Chats.create", "Chats.rename", "Chats.addMember", "Chats.removeMember",
                "Chats.inviteLink", "Chats.join", "Chats.leave", "Chats.setPhoto", "Chats.removePhoto");
        needs(CHAT_SETTINGS, "Chats.updateSettings", "Chats.setAdmin", "Chats.setAppearance",
                "Messages.setDisappearing");
        needs(CHAT_LIST_ACTIONS, "Chats.pin", "Chats.unpin", "Chats.setArchived", "Chats.markUnread");
        needs(NOTIFICATIONS, "Chats.mute", "Chats.unmute", "Notifications.get", "Notifications.update");
        needs(CONTACTS, "Contacts.list");
        needs(ATTACHMENTS, "Attachments.uploadPhoto", "Attachments.uploadVideo", "Attachments.uploadFile",
                "Attachments.ofChat");
        needs(POLLS, "Attachments.createPoll", "Attachments.vote", "Attachments.poll");
        needs(EVENTS, "Events.subscribe");

        needs(CHAT_CALLS, "Calls.startInChat");
        needs(CALLS_BY_LINK, "Calls.startByLink", "Calls.joinByLink", "Calls.invite",
                "CallParticipants.waitingRoom", "CallParticipants.admit", "CallParticipants.reject");
        needs(LESSON_CALLS, "Calls.createLessonCall", "Calls.forLesson");
        needs(CALL_MANAGEMENT, "Calls.list", "Calls.get", "Calls.join", "Calls.leave", "Calls.endForAll",
                "Calls.attendance", "CallParticipants.list", "CallParticipants.remove", "CallParticipants.mute",
                "CallParticipants.attractAttention", "CallParticipants.setAdmin", "CallParticipants.raiseHand",
                "CallParticipants.setMedia");
        needs(RECORDINGS, "CallRecordings.start", "CallRecordings.stop", "CallRecordings.list",
                "CallRecordings.get", "CallRecordings.forLesson", "CallRecordings.startBroadcast",
                "CallRecordings.stopBroadcast");
    }

    private OperationTable() {
    }

    private static void needs(Capability capability, String... operations) {
        for (String operation : operations) {
            if (TABLE.put(operation, Optional.of(capability)) != null) {
                throw new IllegalStateException("listed twice: " + operation);
            }
        }
    }

    private static void none(String... operations) {
        for (String operation : operations) {
            if (TABLE.put(operation, Optional.empty()) != null) {
                throw new IllegalStateException("listed twice: " + operation);
            }
        }
    }

    /**
     * Returns what an operation needs, by its key.
     *
     * @param operation {@code Interface.method} or {@code Interface.method(ParamType,…)}
     * @return the capability, or empty when it needs none
     * @throws IllegalStateException if the operation is not in the table
     */
    public static Optional<Capability> of(String operation) {
        Optional<Capability> found = TABLE.get(operation);
        if (found == null) {
            throw new IllegalStateException("no capability is declared for " + operation
                    + "; add it to org.sferum.sdk.internal.OperationTable");
        }
        return found;
    }

    /**
     * Returns what a call of an interface method needs, arguments included: creating a chat with other settings
     * than {@link ChatSettings#ownerOnly()} also needs {@link Capability#CHAT_SETTINGS}.
     *
     * @param type the sdk-api interface the method is called on
     * @param method the method
     * @param args the arguments, or {@code null}
     * @return the capabilities, in the order they are checked
     * @throws IllegalStateException if the operation is not in the table
     */
    public static List<Capability> of(Class<?> type, Method method, Object[] args) {
        String name = type.getSimpleName() + "." + method.getName();
        Optional<Capability> found = TABLE.get(key(name, method));
        Optional<Capability> needed = found != null ? found : of(name);
        if (name.equals("Chats.create") && args != null && args.length == 1 && args[0] instanceof NewChat chat
                && !chat.settings().equals(ChatSettings.ownerOnly())) {
            return List.of(CHAT_ADMIN, CHAT_SETTINGS);
        }
        return needed.map(List::of).orElse(List.of());
    }

    /**
     * Returns every key of the table, for the tests that check it covers the API and agrees with the Javadoc.
     *
     * @return the keys
     */
    public static Set<String> operations() {
        return Set.copyOf(TABLE.keySet());
    }

    private static String key(String name, Method method) {
        StringJoiner params = new StringJoiner(",", name + "(", ")");
        for (Class<?> param : method.getParameterTypes()) {
            params.add(param.getSimpleName());
        }
        return params.toString();
    }
}
