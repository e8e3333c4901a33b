package org.sferum.sdk.roster;

import java.util.List;
import java.util.Objects;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * One class of a school as the school system knows it, for roster sync (F-EMB-01, F-CHAT-01).
 *
 * @param classKey the school system's id of the class
 * @param name the class name, such as «5в»
 * @param teachers the teachers' accounts
 * @param students the students' accounts
 * @param parents the parents' accounts
 */
public record SchoolClass(String classKey, String name, List<SchoolAccountId> teachers,
                          List<SchoolAccountId> students, List<SchoolAccountId> parents) {
    /**
     * Validates and copies the fields.
     *
     * @param classKey the school system's id of the class
     * @param name the class name, such as «5в»
     * @param teachers the teachers' accounts
     * @param students the students' accounts
     * @param parents the parents' accounts
     */
    public SchoolClass {
        Objects.requireNonNull(classKey, "classKey");
        Objects.requireNonNull(name, "name");
        teachers = List.copyOf(teachers);
        students = List.copyOf(students);
        parents = List.copyOf(parents);
    }
}
