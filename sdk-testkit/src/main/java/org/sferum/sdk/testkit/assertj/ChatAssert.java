package org.sferum.sdk.testkit.assertj;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;
import org.sferum.sdk.chats.Chat;
import org.sferum.sdk.chats.ChatMember;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.UserId;

/** Assertions on a group chat as the platform holds it; failures show its title, owner and members by name. */
public final class ChatAssert extends AbstractAssert<ChatAssert, Chat> {
    private final PlatformEngine engine;

    ChatAssert(Chat actual, PlatformEngine engine) {
        super(actual, ChatAssert.class);
        this.engine = engine;
    }

    /**
     * Checks the chat's title.
     *
     * @param title the title
     * @return this
     */
    public ChatAssert hasTitle(String title) {
        if (!actual.title().equals(title)) {
            failWithMessage("Expected the chat's title to be «%s», but it is «%s»: %s", title, actual.title(), show());
        }
        return this;
    }

    /**
     * Checks that these users are members (others may be too).
     *
     * @param users {@link org.sferum.sdk.testkit.SeededUser}s, {@link org.sferum.sdk.users.Person}s or
     *     {@link UserId}s
     * @return this
     */
    public ChatAssert hasMembers(Object... users) {
        List<String> missing = new ArrayList<>();
        for (Object user : users) {
            if (!memberIds().contains(Users.id(user))) {
                missing.add(Users.describe(user));
            }
        }
        if (!missing.isEmpty()) {
            failWithMessage("Expected the chat to have as members %s, but %s %s not: %s", names(users),
                    String.join(", ", missing), missing.size() == 1 ? "is" : "are", show());
        }
        return this;
    }

    /**
     * Checks that these users, and nobody else, are the members.
     *
     * @param users {@link org.sferum.sdk.testkit.SeededUser}s, {@link org.sferum.sdk.users.Person}s or
     *     {@link UserId}s
     * @return this
     */
    public ChatAssert hasExactlyMembers(Object... users) {
        Set<UserId> expected = new LinkedHashSet<>();
        for (Object user : users) {
            expected.add(Users.id(user));
        }
        if (!expected.equals(memberIds())) {
            failWithMessage("Expected the chat's members to be exactly %s: %s", names(users), show());
        }
        return this;
    }

    /**
     * Checks that a user is not a member.
     *
     * @param user a {@link org.sferum.sdk.testkit.SeededUser}, a {@link org.sferum.sdk.users.Person} or a
     *     {@link UserId}
     * @return this
     */
    public ChatAssert doesNotHaveMember(Object user) {
        if (memberIds().contains(Users.id(user))) {
            failWithMessage("Expected %s not to be a member of the chat, but they are: %s", Users.describe(user),
                    show());
        }
        return this;
    }

    /**
     * Checks who owns the chat.
     *
     * @param owner a {@link org.sferum.sdk.testkit.SeededUser}, a {@link org.sferum.sdk.users.Person} or a
     *     {@link UserId}
     * @return this
     */
    public ChatAssert isOwnedBy(Object owner) {
        if (!actual.owner().equals(Users.id(owner))) {
            failWithMessage("Expected the chat to be owned by %s, but it is owned by %s: %s", Users.describe(owner),
                    name(actual.owner()), show());
        }
        return this;
    }

    private Set<UserId> memberIds() {
        return actual.members().stream().map(ChatMember::user).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static String names(Object... users) {
        List<String> out = new ArrayList<>();
        for (Object user : users) {
            out.add(Users.describe(user));
        }
        return "[" + String.join(", ", out) + "]";
    }

    private String name(UserId user) {
        return Users.describe(engine.users().person(user));
    }

    private String show() {
        return "chat " + actual.id().peerId() + " «" + actual.title() + "», owner " + name(actual.owner()) + ", "
                + actual.members().size() + " members: " + actual.members().stream()
                .map(m -> name(m.user()) + " " + m.role()).collect(Collectors.joining(", "));
    }
}
