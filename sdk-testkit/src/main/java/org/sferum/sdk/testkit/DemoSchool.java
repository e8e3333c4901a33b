package org.sferum.sdk.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.UserId;

/**
 * A small school to test with: a teacher, a class of students, a parent, and an outsider who belongs to no
 * chat. The fake and the emulator seed the same school, so tests read the same on both.
 *
 * @param className the class name
 * @param teacher the class teacher
 * @param students the students of the class
 * @param parent a parent of the first student
 * @param outsider a user of another school
 */
public record DemoSchool(String className, SeededUser teacher, List<SeededUser> students, SeededUser parent,
                         SeededUser outsider) {
    /**
     * Validates and copies the fields.
     *
     * @param className the class name
     * @param teacher the class teacher
     * @param students the students of the class
     * @param parent a parent of the first student
     * @param outsider a user of another school
     */
    public DemoSchool {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(teacher, "teacher");
        students = List.copyOf(students);
        Objects.requireNonNull(parent, "parent");
        Objects.requireNonNull(outsider, "outsider");
    }

    /**
     * Seeds the demo school into an engine: teacher Анна Смирнова, class «5в» with three students, one parent
     * and an outsider.
     *
     * @param engine the engine
     * @return the school
     */
    public static DemoSchool seed(PlatformEngine engine) {
        SeededUser teacher = user(engine, "Анна", "Смирнова", Role.TEACHER);
        List<SeededUser> students = new ArrayList<>();
        students.add(user(engine, "Иван", "Петров", Role.STUDENT));
        students.add(user(engine, "Мария", "Козлова", Role.STUDENT));
        students.add(user(engine, "Артём", "Соколов", Role.STUDENT));
        SeededUser parent = user(engine, "Ольга", "Петрова", Role.PARENT);
        SeededUser outsider = user(engine, "Пётр", "Чужой", Role.TEACHER);
        return new DemoSchool("5в", teacher, students, parent, outsider);
    }

    private static SeededUser user(PlatformEngine engine, String first, String last, Role role) {
        UserId id = engine.createUser(first, last, role);
        return new SeededUser(engine.person(id), role, AccessToken.of(engine.issueToken(id)));
    }

    /**
     * Returns every seeded user.
     *
     * @return teacher, students, parent, outsider
     */
    public List<SeededUser> everyone() {
        List<SeededUser> all = new ArrayList<>();
        all.add(teacher);
        all.addAll(students);
        all.add(parent);
        all.add(outsider);
        return all;
    }
}
