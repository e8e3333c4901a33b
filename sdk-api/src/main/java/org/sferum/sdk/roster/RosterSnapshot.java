package org.sferum.sdk.roster;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * The school system's roster at one moment: schools, school years, homeroom and scheduled classes, people,
 * enrollments and parents' links to their children (F-EMB-01). Immutable. Build it in code with
 * {@link #builder()}, or read it from OneRoster CSV files with the {@code sdk-roster} module's reader; both check
 * every reference, and the reader keeps the rows it had to leave out as {@link #invalidRows()}.
 *
 * <p>Automatic chats are made for the {@link #currentYear() current school year} only.
 */
public final class RosterSnapshot {
    private final List<School> schools;
    private final List<SchoolYear> years;
    private final SchoolYear currentYear;
    private final List<HomeroomClass> homerooms;
    private final List<ScheduledClass> scheduled;
    private final List<RosterPerson> people;
    private final Map<SchoolAccountId, RosterPerson> peopleById;
    private final List<Enrollment> enrollments;
    private final List<ParentLink> parentLinks;
    private final List<InvalidRow> invalidRows;

    private RosterSnapshot(Builder b, SchoolYear currentYear) {
        this.schools = List.copyOf(b.schools.values());
        this.years = List.copyOf(b.years.values());
        this.currentYear = currentYear;
        this.homerooms = Collections.unmodifiableList(b.homerooms);
        this.scheduled = Collections.unmodifiableList(b.scheduled);
        this.people = Collections.unmodifiableList(b.people);
        this.peopleById = Collections.unmodifiableMap(b.peopleById);
        this.enrollments = Collections.unmodifiableList(b.enrollments);
        this.parentLinks = Collections.unmodifiableList(b.parentLinks);
        this.invalidRows = Collections.unmodifiableList(b.invalidRows);
    }

    /**
     * Starts a snapshot built in code. Add schools and years first, then classes, people, enrollments and links:
     * each call checks what it refers to and throws at once if it is wrong.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns the schools.
     *
     * @return the schools, in the order added
     */
    public List<School> schools() {
        return schools;
    }

    /**
     * Returns the school years.
     *
     * @return the years, in the order added
     */
    public List<SchoolYear> schoolYears() {
        return years;
    }

    /**
     * Returns the current school year, the only one automatic chats are made for.
     *
     * @return the year, empty when the roster has none
     */
    public Optional<SchoolYear> currentYear() {
        return Optional.ofNullable(currentYear);
    }

    /**
     * Returns the homeroom classes of every year.
     *
     * @return the classes, in the order added
     */
    public List<HomeroomClass> homerooms() {
        return homerooms;
    }

    /**
     * Returns the scheduled classes (subjects) of every year.
     *
     * @return the classes, in the order added
     */
    public List<ScheduledClass> scheduledClasses() {
        return scheduled;
    }

    /**
     * Returns the people.
     *
     * @return the people, in the order added
     */
    public List<RosterPerson> people() {
        return people;
    }

    /**
     * Finds a person.
     *
     * @param id the school account
     * @return the person, if in the roster
     */
    public Optional<RosterPerson> person(SchoolAccountId id) {
        return Optional.ofNullable(peopleById.get(id));
    }

    /**
     * Returns the enrollments.
     *
     * @return the enrollments, in the order added
     */
    public List<Enrollment> enrollments() {
        return enrollments;
    }

    /**
     * Returns the links of parents to their children.
     *
     * @return the links, in the order added
     */
    public List<ParentLink> parentLinks() {
        return parentLinks;
    }

    /**
     * Returns the rows of the input that were left out.
     *
     * @return the invalid rows, empty for a snapshot built in code
     */
    public List<InvalidRow> invalidRows() {
        return invalidRows;
    }

    /**
     * Tells whether no input row was left out.
     *
     * @return whether the snapshot is valid
     */
    public boolean isValid() {
        return invalidRows.isEmpty();
    }

    /**
     * Builds a {@link RosterSnapshot}. Not thread-safe; use once.
     */
    public static final class Builder {
        private final Map<String, School> schools = new LinkedHashMap<>();
        private final Map<String, SchoolYear> years = new LinkedHashMap<>();
        private final Map<String, Object> classes = new HashMap<>();
        private final List<HomeroomClass> homerooms = new ArrayList<>();
        private final List<ScheduledClass> scheduled = new ArrayList<>();
        private final List<RosterPerson> people = new ArrayList<>();
        private final Map<SchoolAccountId, RosterPerson> peopleById = new HashMap<>();
        private final List<Enrollment> enrollments = new ArrayList<>();
        private final List<ParentLink> parentLinks = new ArrayList<>();
        private final List<InvalidRow> invalidRows = new ArrayList<>();
        private String currentYearId;
        private LocalDate today;
        private boolean built;

        private Builder() {
        }

        /**
         * Adds a school.
         *
         * @param id the school's id
         * @param name its name
         * @return this builder
         * @throws ValidationException with {@link ErrorCode#INVALID_ROSTER} if the id is already used
         */
        public Builder school(String id, String name) {
            School school = new School(id, name);
            unique(schools.putIfAbsent(id, school) == null, "school", id);
            return this;
        }

        /**
         * Adds a school year.
         *
         * @param id the year's id
         * @param title its title, such as «2026/2027»
         * @param start its first day
         * @param end its last day
         * @return this builder
         * @throws ValidationException with {@link ErrorCode#INVALID_ROSTER} if the id is already used
         */
        public Builder schoolYear(String id, String title, LocalDate start, LocalDate end) {
            SchoolYear year = new SchoolYear(id, title, start, end);
            unique(years.putIfAbsent(id, year) == null, "school year", id);
            return this;
        }

        /**
         * Names the current school year. Without it, the year that contains {@link #today(LocalDate) today} is
         * current, or else the year that starts last.
         *
         * @param yearId the year's id, added before {@link #build()}
         * @return this builder
         */
        public Builder currentYear(String yearId) {
            this.currentYearId = Checks.notNull(yearId, "current year");
            return this;
        }

        /**
         * Sets the day that decides the current school year (by default the year that starts last is current).
         *
         * @param day the day
         * @return this builder
         */
        public Builder today(LocalDate day) {
            this.today = Checks.notNull(day, "today");
            return this;
        }

        /**
         * Adds a school-age homeroom class, such as «5в».
         *
         * @param id the class's id
         * @param schoolId its school, already added
         * @param yearId its school year, already added
         * @param number its grade number, 1 to 12
         * @param letter its letter, such as «в», or empty
         * @return this builder
         */
        public Builder homeroom(String id, String schoolId, String yearId, int number, String letter) {
            return homeroom(new HomeroomClass(id, schoolId, yearId, number, letter, number + letter, false));
        }

        /**
         * Adds a homeroom class or preschool group.
         *
         * @param homeroom the class; its school and year already added
         * @return this builder
         * @throws ValidationException with {@link ErrorCode#INVALID_ROSTER} if the id is used or a reference unknown
         */
        public Builder homeroom(HomeroomClass homeroom) {
            Checks.notNull(homeroom, "homeroom class");
            known(schools.containsKey(homeroom.schoolId()), "school", homeroom.schoolId());
            known(years.containsKey(homeroom.yearId()), "school year", homeroom.yearId());
            unique(classes.putIfAbsent(homeroom.id(), homeroom) == null, "class", homeroom.id());
            homerooms.add(homeroom);
            return this;
        }

        /**
         * Adds a scheduled class (a subject taught to a group).
         *
         * @param scheduledClass the class; its school and year already added
         * @return this builder
         * @throws ValidationException with {@link ErrorCode#INVALID_ROSTER} if the id is used or a reference unknown
         */
        public Builder scheduledClass(ScheduledClass scheduledClass) {
            Checks.notNull(scheduledClass, "scheduled class");
            known(schools.containsKey(scheduledClass.schoolId()), "school", scheduledClass.schoolId());
            known(years.containsKey(scheduledClass.yearId()), "school year", scheduledClass.yearId());
            unique(classes.putIfAbsent(scheduledClass.id(), scheduledClass) == null, "class", scheduledClass.id());
            scheduled.add(scheduledClass);
            return this;
        }

        /**
         * Adds an enabled person with no phone.
         *
         * @param id the school account
         * @param givenName the given name
         * @param familyName the family name
         * @param role the role
         * @param schoolId the school, already added ({@code null} for a parent known only through a child)
         * @return this builder
         */
        public Builder person(String id, String givenName, String familyName, PersonRole role, String schoolId) {
            return person(new RosterPerson(SchoolAccountId.of(id), givenName, familyName, role, schoolId, true,
                    null));
        }

        /**
         * Adds a person.
         *
         * @param person the person; their school already added
         * @return this builder
         * @throws ValidationException with {@link ErrorCode#INVALID_ROSTER} if the id is used or the school unknown
         */
        public Builder person(RosterPerson person) {
            Checks.notNull(person, "person");
            if (person.schoolId() != null) {
                School school = schools.get(person.schoolId());
                known(school != null, "school", person.schoolId());
                if (school.id() != person.schoolId()) { // one copy of the id for a million people
                    person = new RosterPerson(person.id(), person.givenName(), person.familyName(), person.role(),
                            school.id(), person.enabled(), person.phone());
                }
            }
            unique(peopleById.putIfAbsent(person.id(), person) == null, "person", person.id().value());
            people.add(person);
            return this;
        }

        /**
         * Enrolls a person in a class.
         *
         * @param personId the person, already added
         * @param classId the class, already added
         * @param role {@link PersonRole#STUDENT}, {@link PersonRole#TEACHER} or {@link PersonRole#ADMINISTRATOR}
         * @param primary whether the teacher is the class teacher
         * @return this builder
         * @throws ValidationException with {@link ErrorCode#INVALID_ROSTER} if a reference is unknown, the role is
         *         not the person's, or the class is of another school than the person's
         */
        public Builder enroll(String personId, String classId, PersonRole role, boolean primary) {
            SchoolAccountId id = SchoolAccountId.of(personId);
            RosterPerson person = peopleById.get(id);
            known(person != null, "person", personId);
            Object schoolClass = classes.get(classId);
            known(schoolClass != null, "class", classId);
            String canonicalId = schoolClass instanceof HomeroomClass h ? h.id() : ((ScheduledClass) schoolClass).id();
            Enrollment enrollment = new Enrollment(person.id(), canonicalId, role, primary);
            roster((role == PersonRole.STUDENT) == (person.role() == PersonRole.STUDENT),
                    "person " + personId + " is a " + lower(person.role()) + " and cannot be enrolled as a "
                            + lower(role));
            String classSchool = schoolClass instanceof HomeroomClass h ? h.schoolId()
                    : ((ScheduledClass) schoolClass).schoolId();
            roster(classSchool.equals(person.schoolId()), "person " + personId + " belongs to school "
                    + person.schoolId() + " but class " + classId + " is of school " + classSchool
                    + ": a person belongs to one school; give them one account per school");
            enrollments.add(enrollment);
            return this;
        }

        /**
         * Links a parent or guardian to their child.
         *
         * @param parentId the parent, already added with a parent's or guardian's role
         * @param childId the child, already added as a student
         * @return this builder
         * @throws ValidationException with {@link ErrorCode#INVALID_ROSTER} if a reference is unknown or a role wrong
         */
        public Builder parentOf(String parentId, String childId) {
            RosterPerson parent = peopleById.get(SchoolAccountId.of(parentId));
            known(parent != null, "person", parentId);
            RosterPerson child = peopleById.get(SchoolAccountId.of(childId));
            known(child != null, "person", childId);
            roster(parent.role().isParent(), "person " + parentId + " is a " + lower(parent.role())
                    + ", not a parent or guardian, and cannot be linked to a child");
            roster(child.role() == PersonRole.STUDENT, "person " + childId + " is a " + lower(child.role())
                    + ", not a student, and cannot be linked to a parent");
            parentLinks.add(new ParentLink(parent.id(), child.id()));
            return this;
        }

        /**
         * Records an input row that was left out (used by readers of files).
         *
         * @param row the row
         * @return this builder
         */
        public Builder invalidRow(InvalidRow row) {
            invalidRows.add(Checks.notNull(row, "row"));
            return this;
        }

        /**
         * Builds the snapshot. The builder cannot be used afterwards.
         *
         * @return the snapshot
         * @throws ValidationException with {@link ErrorCode#INVALID_ROSTER} if the named current year is unknown
         */
        public RosterSnapshot build() {
            roster(!built, "this builder has already built its snapshot");
            built = true;
            SchoolYear current;
            if (currentYearId != null) {
                current = years.get(currentYearId);
                known(current != null, "school year", currentYearId);
            } else {
                current = SchoolYear.current(years.values(), today).orElse(null);
            }
            return new RosterSnapshot(this, current);
        }

        private static String lower(PersonRole role) {
            return role.name().toLowerCase(java.util.Locale.ROOT);
        }

        private static void unique(boolean condition, String what, String id) {
            roster(condition, "duplicate " + what + " id " + id + ": each id must be used once");
        }

        private static void known(boolean condition, String what, String id) {
            roster(condition, "unknown " + what + " " + id + ": add it before what refers to it");
        }

        private static void roster(boolean condition, String message) {
            if (!condition) {
                throw new ValidationException(ErrorCode.INVALID_ROSTER, message);
            }
        }
    }
}
