package org.sferum.sdk.roster;

import java.util.Objects;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;

/**
 * What identifies an automatic chat across syncs: its kind, school year, school and class. The platform keeps the
 * key with each chat the sync created, so a later sync finds it again; chats without a key (made by hand) are
 * never touched.
 *
 * @param kind the kind
 * @param yearId the school year
 * @param schoolId the school
 * @param classId the homeroom class, or {@code null} for a staff chat
 */
public record AutomaticChatKey(AutomaticChatKind kind, String yearId, String schoolId, String classId) {
    /**
     * Validates the fields.
     *
     * @param kind the kind
     * @param yearId the school year
     * @param schoolId the school
     * @param classId the class, {@code null} exactly for a staff chat
     */
    public AutomaticChatKey {
        Checks.notNull(kind, "chat kind");
        RosterIds.check(yearId, "school year id");
        RosterIds.check(schoolId, "school id");
        Checks.require((kind == AutomaticChatKind.SCHOOL_STAFF) == (classId == null), ErrorCode.INVALID_ARGUMENT,
                "a staff chat has no class; a class chat needs one");
        if (classId != null) {
            RosterIds.check(classId, "class id");
        }
    }

    /**
     * The key of a class chat.
     *
     * @param kind {@link AutomaticChatKind#CLASS_STUDENTS} or {@link AutomaticChatKind#CLASS_PARENTS}
     * @param homeroom the class
     * @return the key
     */
    public static AutomaticChatKey of(AutomaticChatKind kind, HomeroomClass homeroom) {
        return new AutomaticChatKey(kind, homeroom.yearId(), homeroom.schoolId(), homeroom.id());
    }

    /**
     * The key of a school's staff chat.
     *
     * @param yearId the school year
     * @param schoolId the school
     * @return the key
     */
    public static AutomaticChatKey staff(String yearId, String schoolId) {
        return new AutomaticChatKey(AutomaticChatKind.SCHOOL_STAFF, yearId, schoolId, null);
    }

    /**
     * The key as one string, {@code year/school/class/kind} ({@code year/school/-/SCHOOL_STAFF} for a staff chat),
     * as the platform stores it. {@link #parse(String)} reads it back.
     *
     * @return the string form
     */
    public String value() {
        return yearId + '/' + schoolId + '/' + (classId == null ? "-" : classId) + '/' + kind.name();
    }

    /**
     * Reads a key written by {@link #value()}.
     *
     * @param value the string form
     * @return the key
     * @throws org.sferum.sdk.error.ValidationException if the string is not a key
     */
    public static AutomaticChatKey parse(String value) {
        Checks.notNull(value, "chat key");
        String[] parts = value.split("/", -1);
        Checks.require(parts.length == 4, ErrorCode.INVALID_ARGUMENT, "not an automatic chat key: " + value);
        AutomaticChatKind kind;
        try {
            kind = AutomaticChatKind.valueOf(parts[3]);
        } catch (IllegalArgumentException e) {
            throw new org.sferum.sdk.error.ValidationException(ErrorCode.INVALID_ARGUMENT,
                    "not an automatic chat key: " + value);
        }
        return new AutomaticChatKey(kind, parts[0], parts[1],
                kind == AutomaticChatKind.SCHOOL_STAFF && "-".equals(parts[2]) ? null : parts[2]);
    }

    /**
     * Same as {@link #value()}.
     *
     * @return the string form
     */
    @Override
    public String toString() {
        return value();
    }

    /**
     * Compares kind, year, school and class.
     *
     * @param other the other object
     * @return whether it is the same key
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof AutomaticChatKey k && kind == k.kind && yearId.equals(k.yearId)
                && schoolId.equals(k.schoolId) && Objects.equals(classId, k.classId);
    }

    /**
     * Hashes kind, year, school and class.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return Objects.hash(kind, yearId, schoolId, classId);
    }
}
