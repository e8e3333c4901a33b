package org.sferum.sdk.roster;

import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * A person's place in a class: a pupil in a homeroom class, a teacher of a homeroom or scheduled class. Parents
 * are not enrolled: they take part through their children ({@link ParentLink}).
 *
 * @param person the person
 * @param classId the class (homeroom or scheduled)
 * @param role {@link PersonRole#STUDENT}, {@link PersonRole#TEACHER} or {@link PersonRole#ADMINISTRATOR}
 * @param primary whether the teacher is the class teacher (OneRoster {@code primary}); the class teacher is the
 *                admin of the class's automatic chats
 */
public record Enrollment(SchoolAccountId person, String classId, PersonRole role, boolean primary) {
    /**
     * Validates the fields.
     *
     * @param person the person
     * @param classId the class
     * @param role the role in the class
     * @param primary whether the teacher is the class teacher
     */
    public Enrollment {
        Checks.notNull(person, "enrolled person");
        RosterIds.check(classId, "class id");
        Checks.notNull(role, "enrollment role");
        Checks.require(!role.isParent(), ErrorCode.INVALID_ARGUMENT, "parent " + person.value()
                + " cannot be enrolled in a class: parents take part through their children (agentSourcedIds)");
    }
}
