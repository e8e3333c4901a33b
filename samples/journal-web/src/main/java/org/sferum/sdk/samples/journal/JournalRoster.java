package org.sferum.sdk.samples.journal;

import java.time.LocalDate;
import java.util.Collection;
import org.sferum.sdk.roster.ApplyOptions;
import org.sferum.sdk.roster.ApplyResult;
import org.sferum.sdk.roster.PersonRole;
import org.sferum.sdk.roster.Roster;
import org.sferum.sdk.roster.RosterPlan;
import org.sferum.sdk.roster.RosterSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's roster, handed to Sferum as a school integration does (F-EMB-01): the demo class with its teacher
 * (the class teacher), its students and the parent of the first student. The platform makes the class's automatic
 * chats from it (F-CHAT-01: «5в» with the students and the teacher, «Родители 5в» with the parent and the teacher,
 * the staff chat) and adds each person when they link; unlinking takes them out and linking again puts them back
 * (the platform's rule, docs/roster.md). The journal syncs at start-up and after each link and unlink, as a school
 * system would after a change of its roster; a sync with nothing to change applies nothing.
 */
final class JournalRoster {
    private static final Logger LOG = LoggerFactory.getLogger(JournalRoster.class);
    /** The demo class's id in the journal. */
    static final String CLASS_ID = "5v";
    private static final String YEAR_ID = "year";

    private final Roster roster;
    private final RosterSnapshot snapshot;

    /**
     * @param roster the SDK's roster sync, with the school's service account
     * @param schoolId the school's id
     * @param users the journal's users: the teacher, the students, the parent (of the first student)
     * @param today the school's today, which decides the current school year
     */
    JournalRoster(Roster roster, String schoolId, Collection<JournalUser> users, LocalDate today) {
        this.roster = roster;
        // the school year from 1 September to 31 August of the next year
        int startYear = today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1;
        RosterSnapshot.Builder b = RosterSnapshot.builder()
                .school(schoolId, "Школа №17")
                .schoolYear(YEAR_ID, startYear + "/" + (startYear + 1), LocalDate.of(startYear, 9, 1),
                        LocalDate.of(startYear + 1, 8, 31))
                .currentYear(YEAR_ID)
                .homeroom(CLASS_ID, schoolId, YEAR_ID, 5, "в");
        String firstStudent = null;
        for (JournalUser u : users) {
            String id = u.account().value();
            String[] name = u.name().split(" ", 2);
            switch (u.role()) {
                case TEACHER -> b.person(id, name[0], name[1], PersonRole.TEACHER, schoolId)
                        .enroll(id, CLASS_ID, PersonRole.TEACHER, true);
                case STUDENT -> {
                    b.person(id, name[0], name[1], PersonRole.STUDENT, schoolId)
                            .enroll(id, CLASS_ID, PersonRole.STUDENT, false);
                    if (firstStudent == null) {
                        firstStudent = id;
                    }
                }
                case PARENT -> b.person(id, name[0], name[1], PersonRole.PARENT, null);
            }
        }
        for (JournalUser u : users) {
            if (u.role() == org.sferum.sdk.users.Role.PARENT && firstStudent != null) {
                b.parentOf(u.account().value(), firstStudent);
            }
        }
        this.snapshot = b.build();
    }

    /**
     * Plans the roster against the platform and applies the difference, as the school's service account.
     *
     * @return what was applied
     */
    synchronized ApplyResult sync() {
        RosterPlan plan = roster.plan(snapshot);
        ApplyResult result = roster.apply(plan, ApplyOptions.defaults());
        LOG.info("roster sync: {} applied, {} skipped, {} failed", result.applied(), result.skipped(),
                result.failed());
        result.failures().forEach(f -> LOG.warn("roster sync: {} refused ({})", f.change(), f.code()));
        return result;
    }
}
