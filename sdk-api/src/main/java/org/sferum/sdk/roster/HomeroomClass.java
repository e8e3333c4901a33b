package org.sferum.sdk.roster;

import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;

/**
 * A homeroom class (OneRoster {@code classType=homeroom}), such as «5в»: the unit automatic chats are made for.
 * A school-age class of the current year gets a pupils' chat (students and its teachers) and a parents' chat
 * («Родители 5в»: parents and its teachers); a preschool group gets the parents' chat only.
 *
 * @param id the school system's id of the class
 * @param schoolId the school it belongs to
 * @param yearId the school year it belongs to
 * @param number the grade number (1 to 11), or 0 when the class has none (preschool groups, other titles)
 * @param letter the letter, such as «в», or empty
 * @param title the title as the school system writes it
 * @param preschool whether it is a preschool group (no pupils' chat)
 */
public record HomeroomClass(String id, String schoolId, String yearId, int number, String letter, String title,
                            boolean preschool) {
    /**
     * Validates the fields.
     *
     * @param id the class's id
     * @param schoolId the school's id
     * @param yearId the school year's id
     * @param number the grade number, 0 to 12
     * @param letter the letter, or empty
     * @param title the title
     * @param preschool whether it is a preschool group
     */
    public HomeroomClass {
        RosterIds.check(id, "class id");
        RosterIds.check(schoolId, "school id");
        RosterIds.check(yearId, "school year id");
        Checks.require(number >= 0 && number <= 12, ErrorCode.INVALID_ARGUMENT,
                "class " + id + " number must be 0 to 12, got " + number);
        Checks.notNull(letter, "class letter");
        RosterIds.name(title, "class title");
    }

    /**
     * The name chats use: number and letter («5в»), or the title when the class has no number.
     *
     * @return the display name
     */
    public String displayName() {
        return number > 0 ? number + letter : title;
    }
}
