package org.sferum.sdk.roster;

import java.util.List;
import java.util.Optional;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * One change of a {@link RosterPlan}. Changes of one chat come together and in order: the chat's creation before
 * the members added to it.
 */
public sealed interface RosterChange {

    /**
     * Returns the automatic chat the change is about.
     *
     * @return the key, or {@code null} for a {@link PendingPerson}
     */
    AutomaticChatKey chat();

    /**
     * Create an automatic chat, owned by the school's service account, with the given settings.
     *
     * @param chat the chat's key
     * @param title the chat's title («5в», «Родители 5в», «Сотрудники …»)
     * @param admin the person made the chat's admin when they take part (the class teacher), or {@code null}
     * @param settings the chat's settings («Только создатель» for every action)
     */
    record CreateChat(AutomaticChatKey chat, String title, SchoolAccountId admin, ChatSettings settings)
            implements RosterChange {
        /**
         * Validates the fields.
         *
         * @param chat the key
         * @param title the title
         * @param admin the admin, or {@code null}
         * @param settings the settings
         */
        public CreateChat {
            Checks.notNull(chat, "chat key");
            Checks.notNull(title, "title");
            Checks.notNull(settings, "settings");
        }

        /**
         * Returns the class teacher who administers the chat.
         *
         * @return the admin, if any
         */
        public Optional<SchoolAccountId> chatAdmin() {
            return Optional.ofNullable(admin);
        }
    }

    /**
     * Add a linked person to an automatic chat.
     *
     * @param chat the chat's key
     * @param person the person
     */
    record AddMember(AutomaticChatKey chat, SchoolAccountId person) implements RosterChange {
        /**
         * Validates the fields.
         *
         * @param chat the key
         * @param person the person
         */
        public AddMember {
            Checks.notNull(chat, "chat key");
            Checks.notNull(person, "person");
        }
    }

    /**
     * Remove a person from an automatic chat: they left the class, the roster, or were disabled.
     *
     * @param chat the chat's key
     * @param person the person
     */
    record RemoveMember(AutomaticChatKey chat, SchoolAccountId person) implements RosterChange {
        /**
         * Validates the fields.
         *
         * @param chat the key
         * @param person the person
         */
        public RemoveMember {
            Checks.notNull(chat, "chat key");
            Checks.notNull(person, "person");
        }
    }

    /**
     * Archive an automatic chat the roster no longer asks for: a past school year's, or a class that is gone.
     *
     * @param chat the chat's key
     */
    record ArchiveChat(AutomaticChatKey chat) implements RosterChange {
        /**
         * Validates the field.
         *
         * @param chat the key
         */
        public ArchiveChat {
            Checks.notNull(chat, "chat key");
        }
    }

    /**
     * A person the roster puts in automatic chats whose school account is not linked to VK ID yet. Applying it
     * changes no chat: the platform remembers which chats wait for the person and adds them when they link.
     *
     * @param person the person
     * @param chats the automatic chats that wait for them
     */
    record PendingPerson(SchoolAccountId person, List<AutomaticChatKey> chats) implements RosterChange {
        /**
         * Validates and copies the fields.
         *
         * @param person the person
         * @param chats the chats
         */
        public PendingPerson {
            Checks.notNull(person, "person");
            chats = List.copyOf(chats);
        }

        /**
         * A pending person concerns no single chat.
         *
         * @return {@code null}
         */
        @Override
        public AutomaticChatKey chat() {
            return null;
        }
    }
}
