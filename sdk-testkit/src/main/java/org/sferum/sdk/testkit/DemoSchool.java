package org.sferum.sdk.testkit;

import java.net.URI;
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
    /** The school system's VK ID application, registered by the seed. */
    public static final String CLIENT_ID = "51000000";
    /** The application's redirect URI, registered by the seed; on this loopback host any port matches. */
    public static final String REDIRECT_URI = "http://127.0.0.1/sferum/callback";
    /** The VK ID password of every demo user. */
    public static final String PASSWORD = "Sferum-2026";
    /** The demo phones are this prefix and one digit: 1 teacher, 2 to 4 students, 5 parent, 6 outsider. */
    private static final String PHONE_PREFIX = "+7900000000";

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
     * and an outsider. Each gets a VK ID account with an educational profile (phone {@code +7900000000N}: 1
     * teacher, 2 to 4 students, 5 parent, 6 outsider; password {@link #PASSWORD}), and the application
     * {@link #CLIENT_ID} is registered with {@link #REDIRECT_URI}. Seed an engine once: the phones are taken after.
     *
     * @param engine the engine
     * @return the school
     */
    public static DemoSchool seed(PlatformEngine engine) {
        engine.vkId().registerClient(CLIENT_ID, List.of(URI.create(REDIRECT_URI)));
        SeededUser teacher = user(engine, "Анна", "Смирнова", Role.TEACHER, 1);
        List<SeededUser> students = new ArrayList<>();
        students.add(user(engine, "Иван", "Петров", Role.STUDENT, 2));
        students.add(user(engine, "Мария", "Козлова", Role.STUDENT, 3));
        students.add(user(engine, "Артём", "Соколов", Role.STUDENT, 4));
        SeededUser parent = user(engine, "Ольга", "Петрова", Role.PARENT, 5);
        SeededUser outsider = user(engine, "Пётр", "Чужой", Role.TEACHER, 6);
        return new DemoSchool("5в", teacher, students, parent, outsider);
    }

    private static SeededUser user(PlatformEngine engine, String first, String last, Role role, int phoneDigit) {
        UserId id = engine.users().createUser(first, last, role);
        String phone = PHONE_PREFIX + phoneDigit;
        engine.vkId().attachAccount(phone, PASSWORD, id);
        return new SeededUser(engine.users().person(id), role, AccessToken.of(engine.users().issueToken(id)), phone);
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
