package org.sferum.sdk.benchmarks.roster;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a generated region as OneRoster 1.2 CSV files, as a stream (F-EMB-01): by default 500 schools of 80
 * homeroom classes (grades 1 to 11, letters а…), 40,000 classes in all, with two scheduled classes (subjects) each,
 * and 1,000,000 people: per school 1,120 pupils (14 a class), 800 parents (320 with two children, 480 with one),
 * 70 teachers (each class teacher of one or two classes, every teacher of two subjects) and 10 administrators.
 * Every person has a mobile phone. Run: {@code java -cp benchmarks/target/sferum-benchmarks.jar
 * org.sferum.sdk.benchmarks.roster.RegionGenerator DIR [SCHOOLS]}.
 */
public final class RegionGenerator {
    /** Homeroom classes per school. */
    public static final int CLASSES_PER_SCHOOL = 80;
    /** Pupils per class. */
    public static final int PUPILS_PER_CLASS = 14;
    /** Parents with two children, per school. */
    public static final int PARENTS_OF_TWO = 320;
    /** Parents with one child, per school. */
    public static final int PARENTS_OF_ONE = 480;
    /** Teachers per school. */
    public static final int TEACHERS = 70;
    /** Administrators per school. */
    public static final int ADMINISTRATORS = 10;
    /** People per school: 1,120 pupils, 800 parents, 70 teachers, 10 administrators. */
    public static final int PEOPLE_PER_SCHOOL = CLASSES_PER_SCHOOL * PUPILS_PER_CLASS + PARENTS_OF_TWO
            + PARENTS_OF_ONE + TEACHERS + ADMINISTRATORS;
    private static final String LETTERS = "абвгдежзик";
    private static final String[] GIVEN = {"Анна", "Борис", "Вера", "Глеб", "Дарья", "Егор", "Жанна", "Захар",
        "Ирина", "Кирилл", "Лариса", "Максим", "Нина", "Олег", "Полина", "Роман"};
    private static final String[] FAMILY = {"Смирновы", "Ивановы", "Кузнецовы", "Поповы", "Соколовы", "Лебедевы",
        "Козловы", "Новиковы", "Морозовы", "Петровы", "Волковы", "Соловьёвы"};

    private RegionGenerator() {
    }

    /**
     * Writes the default region (500 schools, 1,000,000 people) or a given number of schools.
     *
     * @param args the directory, and optionally the number of schools
     * @throws IOException if a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: RegionGenerator DIR [SCHOOLS]");
            System.exit(1);
        }
        int schools = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        long start = System.nanoTime();
        write(Path.of(args[0]), schools);
        System.err.printf("wrote %d schools, %d classes, %d people to %s in %d ms%n", schools,
                schools * CLASSES_PER_SCHOOL, (long) schools * PEOPLE_PER_SCHOOL, args[0],
                (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * Writes a region of the given number of schools into a directory (created if needed).
     *
     * @param dir the directory
     * @param schools the number of schools
     * @throws IOException if a file cannot be written
     */
    public static void write(Path dir, int schools) throws IOException {
        Files.createDirectories(dir);
        try (BufferedWriter w = open(dir, "manifest.csv")) {
            w.write("propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\nfile.academicSessions,bulk\n"
                    + "file.classes,bulk\nfile.courses,bulk\nfile.enrollments,bulk\nfile.orgs,bulk\nfile.roles,bulk\n"
                    + "file.users,bulk\nsource.systemName,Sferum RegionGenerator\n");
        }
        try (BufferedWriter w = open(dir, "academicSessions.csv")) {
            w.write("sourcedId,status,dateLastModified,title,type,startDate,endDate,parentSourcedId,schoolYear\n"
                    + "y2026,,,2026/2027,schoolYear,2026-09-01,2027-05-31,,2027\n");
        }
        try (BufferedWriter orgs = open(dir, "orgs.csv"); BufferedWriter courses = open(dir, "courses.csv");
             BufferedWriter classes = open(dir, "classes.csv"); BufferedWriter users = open(dir, "users.csv");
             BufferedWriter roles = open(dir, "roles.csv"); BufferedWriter enrollments = open(dir, "enrollments.csv")) {
            orgs.write("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n"
                    + "region,,,Департамент образования,district,,\n");
            courses.write("sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,"
                    + "orgSourcedId,subjects,subjectCodes\n");
            classes.write("sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,classType,"
                    + "location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods\n");
            users.write("sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,"
                    + "middleName,identifier,email,sms,phone,agentSourcedIds,grades,password\n");
            roles.write("sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,"
                    + "orgSourcedId,userProfileSourcedId\n");
            enrollments.write("sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,userSourcedId,role,"
                    + "primary,beginDate,endDate\n");
            long person = 0;
            for (int s = 0; s < schools; s++) {
                String school = "sch" + s;
                orgs.write(school + ",,,Школа №" + (s + 1) + ",school,," + "region\n");
                courses.write("home" + s + ",,,y2026,Классы,,,"  + school + ",,\n");
                courses.write("math" + s + ",,,y2026,Математика,,," + school + ",Математика,\n");
                courses.write("rus" + s + ",,,y2026,Русский язык,,," + school + ",Русский язык,\n");
                long firstTeacher = person;
                for (int t = 0; t < TEACHERS; t++) {
                    user(users, roles, person++, school, "teacher", "");
                }
                for (int a = 0; a < ADMINISTRATORS; a++) {
                    user(users, roles, person++, school, a == 0 ? "principal" : "administrator", "");
                }
                long firstPupil = person;
                int pupils = CLASSES_PER_SCHOOL * PUPILS_PER_CLASS;
                long firstParent = firstPupil + pupils;
                for (int p = 0; p < pupils; p++) {
                    long parent = p < 2 * PARENTS_OF_TWO ? firstParent + p / 2 : firstParent + p - PARENTS_OF_TWO;
                    int grade = 1 + (p / PUPILS_PER_CLASS) % 11;
                    user(users, roles, person++, school, "student", "u" + parent, String.format("%02d", grade));
                }
                for (int p = 0; p < PARENTS_OF_TWO + PARENTS_OF_ONE; p++) {
                    user(users, roles, person++, school, "parent", "");
                }
                for (int c = 0; c < CLASSES_PER_SCHOOL; c++) {
                    int grade = 1 + c % 11;
                    String letter = LETTERS.substring((c / 11) % LETTERS.length(), (c / 11) % LETTERS.length() + 1);
                    String id = school + "-c" + c;
                    classes.write(id + ",,," + grade + letter + "," + String.format("%02d", grade) + ",home" + s + ","
                            + grade + letter + ",homeroom,," + school + ",y2026,,,\n");
                    long classTeacher = firstTeacher + c % TEACHERS;
                    enroll(enrollments, id + "-t", id, school, classTeacher, "teacher", true);
                    for (int p = 0; p < PUPILS_PER_CLASS; p++) {
                        enroll(enrollments, id + "-p" + p, id, school, firstPupil + (long) c * PUPILS_PER_CLASS + p,
                                "student", false);
                    }
                    String[][] subjects = {{"math", "Математика"}, {"rus", "Русский язык"}};
                    for (int k = 0; k < subjects.length; k++) {
                        String sid = id + "-" + subjects[k][0];
                        classes.write(sid + ",,," + subjects[k][1] + " " + grade + letter + ","
                                + String.format("%02d", grade) + "," + subjects[k][0] + s + ",,scheduled,," + school
                                + ",y2026," + subjects[k][1] + ",,\n");
                        enroll(enrollments, sid + "-t", sid, school, firstTeacher + (c * 2L + k + 7) % TEACHERS,
                                "teacher", true);
                    }
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static BufferedWriter open(Path dir, String file) throws IOException {
        return Files.newBufferedWriter(dir.resolve(file), StandardCharsets.UTF_8);
    }

    private static void user(BufferedWriter users, BufferedWriter roles, long n, String school, String role,
                             String agents) throws IOException {
        user(users, roles, n, school, role, agents, "");
    }

    private static void user(BufferedWriter users, BufferedWriter roles, long n, String school, String role,
                             String agents, String grade) throws IOException {
        String id = "u" + n;
        users.write(id + ",,,true," + id + ",," + GIVEN[(int) (n % GIVEN.length)] + ","
                + FAMILY[(int) (n / 7 % FAMILY.length)] + ",,,," + String.format("+79%09d", n) + ",," + agents + ","
                + grade + ",\n");
        roles.write("r" + n + ",,," + id + ",primary," + role + ",,," + school + ",\n");
    }

    private static void enroll(BufferedWriter enrollments, String id, String classId, String school, long person,
                               String role, boolean primary) throws IOException {
        enrollments.write(id + ",,," + classId + "," + school + ",u" + person + "," + role + "," + primary + ",,\n");
    }
}
