package org.sferum.sdk.roster;

import java.time.LocalDate;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;

/**
 * A school year (OneRoster academic session of type {@code schoolYear}). Automatic chats exist for the current
 * school year only; a new school year archives the previous year's.
 *
 * @param id the school system's id of the year
 * @param title the title, such as «2026/2027»
 * @param start the first day
 * @param end the last day, not before the first
 */
public record SchoolYear(String id, String title, LocalDate start, LocalDate end) {
    /**
     * Validates the fields.
     *
     * @param id the year's id
     * @param title the title
     * @param start the first day
     * @param end the last day
     */
    public SchoolYear {
        RosterIds.check(id, "school year id");
        Checks.notNull(title, "school year title");
        Checks.notNull(start, "school year start");
        Checks.notNull(end, "school year end");
        Checks.require(!end.isBefore(start), ErrorCode.INVALID_ARGUMENT,
                "school year " + id + " ends before it starts");
    }

    /**
     * Tells whether a day falls within the year.
     *
     * @param day the day
     * @return whether {@code start <= day <= end}
     */
    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    /**
     * Decides the current school year: the one that contains {@code today}, or else the one that starts last.
     *
     * @param years the years
     * @param today the day, or {@code null} to take the year that starts last
     * @return the current year, empty when there is none
     */
    public static java.util.Optional<SchoolYear> current(java.util.Collection<SchoolYear> years, LocalDate today) {
        return years.stream().filter(y -> today != null && y.contains(today)).findFirst()
                .or(() -> years.stream().max(java.util.Comparator.comparing(SchoolYear::start)));
    }
}
