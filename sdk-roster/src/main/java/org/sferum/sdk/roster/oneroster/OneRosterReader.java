package org.sferum.sdk.roster.oneroster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.roster.HomeroomClass;
import org.sferum.sdk.roster.InvalidRow;
import org.sferum.sdk.roster.ParentLink;
import org.sferum.sdk.roster.PersonRole;
import org.sferum.sdk.roster.RosterPerson;
import org.sferum.sdk.roster.RosterSnapshot;
import org.sferum.sdk.roster.ScheduledClass;
import org.sferum.sdk.roster.SchoolYear;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * Reads a OneRoster 1.2 (or 1.1) CSV bulk directory into a {@link RosterSnapshot}, as a stream: each file is read
 * row by row with Commons CSV and only the snapshot is kept, so a region of a million people reads in well under a
 * gigabyte of heap. Every row the snapshot cannot take is kept as an {@link InvalidRow} with its file and line, and
 * the rest is read on; the files are read in the order their references need ({@code manifest}, {@code orgs},
 * {@code academicSessions}, {@code courses}, {@code classes}, {@code roles}, {@code users}, {@code enrollments}).
 * docs/roster.md gives the mapping of each column.
 */
public final class OneRosterReader {
    /** Told how far the reading has come. */
    @FunctionalInterface
    public interface Listener {
        /**
         * Receives the number of rows read so far from a file: every 50,000 rows and at the file's end.
         *
         * @param file the file's name
         * @param rows rows read so far
         * @param done whether the file is finished
         */
        void onRows(String file, long rows, boolean done);
    }

    private static final long REPORT_EVERY = 50_000;
    private static final Pattern NUMBER_LETTER = Pattern.compile("^(\\d{1,2})\\s*[-‑]?\\s*(\\p{L}{0,3})\\b.*",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Set<String> PRESCHOOL_GRADES = Set.of("IT", "PR", "PK", "TK");

    private final LocalDate today;
    private final Listener listener;

    private OneRosterReader(LocalDate today, Listener listener) {
        this.today = today;
        this.listener = listener;
    }

    /**
     * A reader whose current school year is the one containing {@code today} (else the one that starts last).
     *
     * @param today the day that decides the current school year
     * @return the reader
     */
    public static OneRosterReader on(LocalDate today) {
        return new OneRosterReader(Objects.requireNonNull(today, "today"), (file, rows, done) -> { });
    }

    /**
     * Returns a copy that tells a listener how far it has come.
     *
     * @param progress the listener
     * @return the new reader
     */
    public OneRosterReader withListener(Listener progress) {
        return new OneRosterReader(today, Objects.requireNonNull(progress, "listener"));
    }

    /**
     * Reads a directory of OneRoster CSV files.
     *
     * @param directory the directory with {@code manifest.csv}, {@code orgs.csv} …
     * @return the snapshot, with the rows it left out in {@link RosterSnapshot#invalidRows()}
     * @throws org.sferum.sdk.error.ValidationException with {@code INVALID_ROSTER} if the directory does not exist
     */
    public RosterSnapshot read(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw SferumException.of(org.sferum.sdk.error.ErrorCode.INVALID_ROSTER, "no OneRoster directory at "
                    + directory + ": give the directory that holds manifest.csv, orgs.csv, users.csv …");
        }
        return new Pass(directory).run();
    }

    /** The state of one read. */
    private final class Pass {
        private final Path dir;
        private final RosterSnapshot.Builder builder = RosterSnapshot.builder().today(today);
        private final Map<String, String> manifest = new HashMap<>();
        private final Set<String> schools = new HashSet<>();
        private final Set<String> otherOrgs = new HashSet<>();
        private final Map<String, String[]> sessions = new HashMap<>();
        private final Map<String, String> courseSubjects = new HashMap<>();
        private final Map<String, Object> roles = new HashMap<>();
        private final List<Object[]> agents = new ArrayList<>();
        private final Map<SchoolAccountId, Long> parentLines = new HashMap<>();
        private final Set<String> homeroomsOfYear = new HashSet<>();
        private final List<SchoolYear> years = new ArrayList<>();
        private final Set<ParentLink> links = new HashSet<>();
        private final Interner names = new Interner();

        Pass(Path dir) {
            this.dir = dir;
        }

        RosterSnapshot run() {
            readManifest();
            file("orgs.csv", true, List.of("sourcedId", "name", "type"), this::org);
            file("academicSessions.csv", true, List.of("sourcedId", "title", "type", "startDate", "endDate"),
                    this::session);
            file("courses.csv", false, List.of("sourcedId", "title"), this::course);
            file("classes.csv", true, List.of("sourcedId", "title", "classType", "schoolSourcedId"), this::schoolClass);
            file("roles.csv", false, List.of("userSourcedId", "roleType", "role", "orgSourcedId"), this::role);
            file("users.csv", true, List.of("sourcedId", "enabledUser", "givenName", "familyName"), this::user);
            roles.clear();
            names.clear();
            linkParents();
            file("enrollments.csv", true, List.of("sourcedId", "classSourcedId", "userSourcedId", "role"),
                    this::enrollment);
            checkParents();
            links.clear();
            return builder.build();
        }

        private void readManifest() {
            Path path = dir.resolve("manifest.csv");
            if (Files.exists(path)) {
                CsvRows.read(path, List.of("propertyName", "value"), builder::invalidRow,
                        row -> manifest.put(row.get("propertyName"), row.get("value")));
            }
        }

        private void file(String name, boolean required, List<String> columns,
                          java.util.function.Consumer<CsvRows.Row> handler) {
            Path path = dir.resolve(name);
            String declared = manifest.get("file." + name.substring(0, name.length() - 4));
            if (!Files.exists(path)) {
                if (required && !"absent".equalsIgnoreCase(declared)) {
                    builder.invalidRow(new InvalidRow(name, 0, "the file is missing: a OneRoster bulk export "
                            + "needs it (or the manifest must declare it absent)"));
                }
                return;
            }
            long[] rows = {0};
            CsvRows.read(path, columns, builder::invalidRow, row -> {
                try {
                    handler.accept(row);
                } catch (SferumException e) {
                    builder.invalidRow(row.invalid(e.getMessage()));
                }
                if (++rows[0] % REPORT_EVERY == 0) {
                    listener.onRows(name, rows[0], false);
                }
            });
            listener.onRows(name, rows[0], true);
        }

        private boolean complete(CsvRows.Row row, String... required) {
            String missing = row.missing(required);
            if (!missing.isEmpty()) {
                builder.invalidRow(row.invalid("required value(s) missing: " + missing));
                return false;
            }
            return true;
        }

        private void org(CsvRows.Row row) {
            if (!complete(row, "sourcedId", "name", "type")) {
                return;
            }
            String id = row.get("sourcedId");
            if (schools.contains(id) || otherOrgs.contains(id)) {
                builder.invalidRow(row.invalid("duplicate sourcedId " + id + " in orgs.csv"));
            } else if ("school".equalsIgnoreCase(row.get("type"))) {
                builder.school(id, row.get("name"));
                schools.add(id);
            } else {
                otherOrgs.add(id);
            }
        }

        private void session(CsvRows.Row row) {
            if (!complete(row, "sourcedId", "title", "type", "startDate", "endDate")) {
                return;
            }
            String id = row.get("sourcedId");
            if (sessions.containsKey(id)) {
                builder.invalidRow(row.invalid("duplicate sourcedId " + id + " in academicSessions.csv"));
                return;
            }
            String type = row.get("type");
            LocalDate start;
            LocalDate end;
            try {
                start = LocalDate.parse(row.get("startDate"));
                end = LocalDate.parse(row.get("endDate"));
            } catch (DateTimeParseException e) {
                builder.invalidRow(row.invalid("startDate and endDate must be dates like 2026-09-01"));
                return;
            }
            if ("schoolYear".equalsIgnoreCase(type)) {
                builder.schoolYear(id, row.get("title"), start, end);
                years.add(new SchoolYear(id, row.get("title"), start, end));
            }
            sessions.put(id, new String[] {type, row.get("parentSourcedId"), row.get("schoolYear")});
        }

        /** The school year a session belongs to: itself, an ancestor of type schoolYear, or the same-numbered one. */
        private String yearOf(String sessionId) {
            String id = sessionId;
            for (int depth = 0; depth < 8 && id != null && !id.isEmpty(); depth++) {
                String[] session = sessions.get(id);
                if (session == null) {
                    return null;
                }
                if ("schoolYear".equalsIgnoreCase(session[0])) {
                    return id;
                }
                if (session[1].isEmpty()) {
                    String number = session[2];
                    for (Map.Entry<String, String[]> s : sessions.entrySet()) {
                        if ("schoolYear".equalsIgnoreCase(s.getValue()[0]) && !number.isEmpty()
                                && number.equals(s.getValue()[2])) {
                            return s.getKey();
                        }
                    }
                    return null;
                }
                id = session[1];
            }
            return null;
        }

        private void course(CsvRows.Row row) {
            if (!complete(row, "sourcedId", "title")) {
                return;
            }
            String id = row.get("sourcedId");
            if (courseSubjects.containsKey(id)) {
                builder.invalidRow(row.invalid("duplicate sourcedId " + id + " in courses.csv"));
                return;
            }
            String subject = first(row.get("subjects"));
            courseSubjects.put(id, subject.isEmpty() ? row.get("title") : subject);
        }

        private void schoolClass(CsvRows.Row row) {
            if (!complete(row, "sourcedId", "title", "classType", "schoolSourcedId", "termSourcedIds")) {
                return;
            }
            String id = row.get("sourcedId");
            String school = row.get("schoolSourcedId");
            if (!schools.contains(school)) {
                builder.invalidRow(row.invalid("schoolSourcedId " + school + " is not a school of orgs.csv"));
                return;
            }
            String term = first(row.get("termSourcedIds"));
            String year = yearOf(term);
            if (year == null) {
                builder.invalidRow(row.invalid("termSourcedIds " + term
                        + " is not a session of academicSessions.csv that belongs to a school year"));
                return;
            }
            String title = row.get("title");
            String type = row.get("classType");
            if ("homeroom".equalsIgnoreCase(type)) {
                String grade = first(row.get("grades")).toUpperCase(Locale.ROOT);
                boolean preschool = PRESCHOOL_GRADES.contains(grade);
                int number = 0;
                String letter = "";
                Matcher m = NUMBER_LETTER.matcher(title);
                if (!preschool && m.matches() && Integer.parseInt(m.group(1)) >= 1
                        && Integer.parseInt(m.group(1)) <= 12) {
                    number = Integer.parseInt(m.group(1));
                    letter = m.group(2);
                }
                builder.homeroom(new HomeroomClass(id, school, year, number, letter, title, preschool));
                if (year.equals(currentYearId())) {
                    homeroomsOfYear.add(id);
                }
            } else if ("scheduled".equalsIgnoreCase(type)) {
                String subject = first(row.get("subjects"));
                if (subject.isEmpty()) {
                    String course = row.get("courseSourcedId");
                    if (!course.isEmpty() && !courseSubjects.containsKey(course)) {
                        builder.invalidRow(row.invalid("courseSourcedId " + course + " is not in courses.csv"));
                        return;
                    }
                    subject = courseSubjects.getOrDefault(course, "");
                }
                builder.scheduledClass(new ScheduledClass(id, school, year, subject, title));
            } else {
                builder.invalidRow(row.invalid("classType must be homeroom or scheduled, not " + type));
            }
        }

        private String currentYearId;

        /** The current year, decided by {@link SchoolYear#current} from the years read (all precede classes). */
        private String currentYearId() {
            if (currentYearId == null) {
                currentYearId = SchoolYear.current(years, today).map(SchoolYear::id).orElse("");
            }
            return currentYearId;
        }

        private void role(CsvRows.Row row) {
            if (!complete(row, "userSourcedId", "roleType", "role", "orgSourcedId")
                    || !"primary".equalsIgnoreCase(row.get("roleType"))) {
                return;
            }
            String user = row.get("userSourcedId");
            String org = row.get("orgSourcedId");
            Object[] known = (Object[]) roles.get(user);
            if (known != null) {
                builder.invalidRow(row.invalid(org.equals(known[1])
                        ? "user " + user + " has a second primary role; give each user one primary role"
                        : "user " + user + " is in two schools (" + known[1] + " and " + org
                                + "): a school account belongs to one school; give the person one account per school"));
                return;
            }
            roles.put(user, new Object[] {role(row.get("role"), row), org});
        }

        private PersonRole role(String value, CsvRows.Row row) {
            switch (value.toLowerCase(Locale.ROOT)) {
                case "teacher": case "aide": case "proctor":
                    return PersonRole.TEACHER;
                case "student":
                    return PersonRole.STUDENT;
                case "parent":
                    return PersonRole.PARENT;
                case "guardian": case "relative":
                    return PersonRole.GUARDIAN;
                case "administrator": case "siteadministrator": case "districtadministrator":
                case "systemadministrator": case "principal":
                    return PersonRole.ADMINISTRATOR;
                default:
                    throw SferumException.of(org.sferum.sdk.error.ErrorCode.INVALID_ROSTER, "role " + value
                            + " is not a OneRoster role this SDK knows (teacher, student, parent, guardian, "
                            + "administrator …)");
            }
        }

        private void user(CsvRows.Row row) {
            if (!complete(row, "sourcedId", "enabledUser", "givenName", "familyName")) {
                return;
            }
            String id = row.get("sourcedId");
            String enabled = row.get("enabledUser").toLowerCase(Locale.ROOT);
            if (!enabled.equals("true") && !enabled.equals("false")) {
                builder.invalidRow(row.invalid("enabledUser must be true or false, not " + row.get("enabledUser")));
                return;
            }
            PersonRole role;
            String school;
            if (!row.get("role").isEmpty()) { // OneRoster 1.1: role and orgSourcedIds in users.csv
                role = role(row.get("role"), row);
                List<String> orgs = new ArrayList<>();
                for (String org : row.get("orgSourcedIds").split(",")) {
                    org = org.trim();
                    if (schools.contains(org) && !orgs.contains(org)) {
                        orgs.add(org);
                    } else if (!org.isEmpty() && !schools.contains(org) && !otherOrgs.contains(org)) {
                        builder.invalidRow(row.invalid("orgSourcedIds " + org + " is not an org of orgs.csv"));
                        return;
                    }
                }
                if (orgs.size() > 1 && !role.isParent()) {
                    builder.invalidRow(row.invalid("user " + id + " is in two schools (" + String.join(", ", orgs)
                            + "): a school account belongs to one school; give the person one account per school"));
                    return;
                }
                school = orgs.isEmpty() ? null : orgs.get(0);
            } else {
                Object[] primary = (Object[]) roles.get(id);
                if (primary == null) {
                    builder.invalidRow(row.invalid("user " + id + " has no role: give it a primary role in roles.csv"
                            + " (OneRoster 1.2) or a role column (1.1)"));
                    return;
                }
                role = (PersonRole) primary[0];
                school = (String) primary[1];
                if (!schools.contains(school)) {
                    if (!otherOrgs.contains(school)) {
                        builder.invalidRow(row.invalid("the role's orgSourcedId " + school + " is not in orgs.csv"));
                        return;
                    }
                    school = null;
                }
            }
            if (school == null && !role.isParent()) {
                builder.invalidRow(row.invalid("user " + id + " belongs to no school of orgs.csv"));
                return;
            }
            String phone = row.get("sms").isEmpty() ? row.get("phone") : row.get("sms");
            RosterPerson person = new RosterPerson(SchoolAccountId.of(id), names.intern(row.get("givenName")),
                    names.intern(row.get("familyName")), role, role.isParent() ? null : school, enabled.equals("true"), phone);
            builder.person(person);
            if (role.isParent()) {
                parentLines.put(person.id(), row.line());
            }
            for (String agent : row.get("agentSourcedIds").split(",")) {
                agent = agent.trim();
                if (!agent.isEmpty()) {
                    agents.add(new Object[] {person, agent, row.line()});
                }
            }
        }

        private void linkParents() {
            for (Object[] a : agents) {
                RosterPerson who = (RosterPerson) a[0];
                String other = (String) a[1];
                InvalidRow where = new InvalidRow("users.csv", (Long) a[2], "");
                String parent = who.role().isParent() ? who.id().value() : other;
                String child = who.role().isParent() ? other : who.id().value();
                if (!who.role().isParent() && who.role() != PersonRole.STUDENT) {
                    builder.invalidRow(new InvalidRow(where.file(), where.line(), "agentSourcedIds of "
                            + who.id().value() + ": only students and parents have agents here"));
                    continue;
                }
                try {
                    if (links.add(new ParentLink(SchoolAccountId.of(parent), SchoolAccountId.of(child)))) {
                        builder.parentOf(parent, child);
                    }
                } catch (SferumException e) {
                    builder.invalidRow(new InvalidRow(where.file(), where.line(), "agentSourcedIds: "
                            + e.getMessage()));
                }
            }
            agents.clear();
        }

        private final Map<SchoolAccountId, Boolean> inClass = new HashMap<>();
        private final Set<String> enrollmentIds = new HashSet<>();

        private void enrollment(CsvRows.Row row) {
            if (!complete(row, "sourcedId", "classSourcedId", "userSourcedId", "role")) {
                return;
            }
            String id = row.get("sourcedId");
            if (!enrollmentIds.add(id)) {
                builder.invalidRow(row.invalid("duplicate sourcedId " + id + " in enrollments.csv"));
                return;
            }
            PersonRole role = role(row.get("role"), row);
            String classId = row.get("classSourcedId");
            builder.enroll(row.get("userSourcedId"), classId, role,
                    "true".equalsIgnoreCase(row.get("primary")));
            if (role == PersonRole.STUDENT && homeroomsOfYear.contains(classId)) {
                inClass.put(SchoolAccountId.of(row.get("userSourcedId")), Boolean.TRUE);
            }
        }

        /** A parent none of whose children is in a homeroom class of the current year takes part in nothing. */
        private void checkParents() {
            enrollmentIds.clear();
            Map<SchoolAccountId, List<String>> children = new HashMap<>();
            for (ParentLink link : links) {
                children.computeIfAbsent(link.parent(), p -> new ArrayList<>(2)).add(link.child().value());
            }
            for (Map.Entry<SchoolAccountId, Long> parent : parentLines.entrySet()) {
                List<String> kids = children.getOrDefault(parent.getKey(), List.of());
                boolean any = false;
                for (String kid : kids) {
                    if (inClass.containsKey(SchoolAccountId.of(kid))) {
                        any = true;
                        break;
                    }
                }
                if (!any) {
                    builder.invalidRow(new InvalidRow("users.csv", parent.getValue(), "parent " + parent.getKey().value()
                            + (kids.isEmpty() ? " has no child (agentSourcedIds)"
                                    : ": none of their children (" + String.join(", ", kids)
                                            + ") is in a homeroom class of the current school year")
                            + "; a parent takes part through a child's class"));
                }
            }
        }
    }

    private static String first(String list) {
        int comma = list.indexOf(',');
        return (comma < 0 ? list : list.substring(0, comma)).trim();
    }

    /** One copy of each name: names repeat across a region, and a million copies would fill the heap. */
    private static final class Interner {
        private final Map<String, String> seen = new HashMap<>();

        String intern(String value) {
            String known = seen.putIfAbsent(value, value);
            return known == null ? value : known;
        }

        void clear() {
            seen.clear();
        }
    }
}
