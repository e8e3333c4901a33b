package org.sferum.sdk.roster;

/**
 * A scheduled class (OneRoster {@code classType=scheduled}): a subject taught to a group, such as «Математика 5в».
 * It gives the roster subjects and their teachers; it makes no automatic chat (teachers create subject chats by
 * hand, F-CHAT-02).
 *
 * @param id the school system's id of the class
 * @param schoolId the school it belongs to
 * @param yearId the school year it belongs to
 * @param subject the subject, such as «Математика», or empty
 * @param title the title as the school system writes it
 */
public record ScheduledClass(String id, String schoolId, String yearId, String subject, String title) {
    /**
     * Validates the fields.
     *
     * @param id the class's id
     * @param schoolId the school's id
     * @param yearId the school year's id
     * @param subject the subject, or empty
     * @param title the title
     */
    public ScheduledClass {
        RosterIds.check(id, "class id");
        RosterIds.check(schoolId, "school id");
        RosterIds.check(yearId, "school year id");
        subject = subject == null ? "" : subject;
        RosterIds.name(title, "class title");
    }
}
