package org.sferum.sdk.samples.journal;

import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * A user of the journal: the journal's own account, which the «Сферум» section links to a VK ID educational
 * profile.
 *
 * @param login the journal's login, used in the login form
 * @param name the full name shown in the journal
 * @param role the role the journal gives at linking
 * @param account the school account id the SDK stores the link under
 * @param vkIdPhone the phone of the demo VK ID account of the same person (a hint on the login page only)
 */
record JournalUser(String login, String name, Role role, SchoolAccountId account, String vkIdPhone) {
    /**
     * The role in Russian.
     *
     * @return «учитель», «ученик» or «родитель»
     */
    String roleText() {
        return switch (role) {
            case TEACHER -> "учитель";
            case STUDENT -> "ученик";
            case PARENT -> "родитель";
        };
    }

    /**
     * Whether this user keeps the journal (a teacher) rather than the diary.
     *
     * @return true for a teacher
     */
    boolean teacher() {
        return role == Role.TEACHER;
    }
}
