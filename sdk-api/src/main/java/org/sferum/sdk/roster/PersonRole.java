package org.sferum.sdk.roster;

/**
 * The role of a person in the school system's roster (F-EMB-01). OneRoster's roles map onto these five
 * (docs/roster.md lists the mapping).
 */
public enum PersonRole {
    /** A teacher (OneRoster {@code teacher}, {@code aide}, {@code proctor}). */
    TEACHER,
    /** A pupil. */
    STUDENT,
    /** A parent. */
    PARENT,
    /** A legal guardian or another relative who takes part as a parent. */
    GUARDIAN,
    /** School administration (OneRoster {@code administrator}, {@code principal}, {@code siteAdministrator}…). */
    ADMINISTRATOR;

    /**
     * Tells whether the role belongs to the school's staff (teachers and administrators), who form the staff chat.
     *
     * @return whether the role is staff
     */
    public boolean isStaff() {
        return this == TEACHER || this == ADMINISTRATOR;
    }

    /**
     * Tells whether the role takes part as a parent (parents and guardians) in a class's parents' chat.
     *
     * @return whether the role is a parent's
     */
    public boolean isParent() {
        return this == PARENT || this == GUARDIAN;
    }
}
