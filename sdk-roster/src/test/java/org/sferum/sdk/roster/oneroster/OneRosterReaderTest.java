package org.sferum.sdk.roster.oneroster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.roster.HomeroomClass;
import org.sferum.sdk.roster.InvalidRow;
import org.sferum.sdk.roster.PersonRole;
import org.sferum.sdk.roster.PlanOptions;
import org.sferum.sdk.roster.RosterPerson;
import org.sferum.sdk.roster.RosterPlan;
import org.sferum.sdk.roster.RosterSnapshot;
import org.sferum.sdk.roster.plan.PlatformView;
import org.sferum.sdk.roster.plan.RosterPlanner;
import org.sferum.sdk.users.SchoolAccountId;

/** Reading OneRoster 1.2 and 1.1 CSV bulk files (F-EMB-01), and every kind of bad input the issue names. */
class OneRosterReaderTest {
    static final LocalDate TODAY = LocalDate.of(2026, 10, 1);

    @TempDir
    Path dir;

    /** A small valid OneRoster 1.2 region: two schools, a district, homerooms, a subject, parents both ways. */
    static Map<String, String> region() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("manifest.csv", "propertyName,value\nmanifest.version,1.0\noneroster.version,1.2\n"
                + "file.orgs,bulk\nfile.users,bulk\nfile.courses,bulk\n");
        files.put("orgs.csv", "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n"
                + "d1,,,Департамент образования,district,,\n"
                + "s1,,,\"Школа №1 им. А. С. Пушкина\",school,,d1\n"
                + "s2,,,Гимназия №2,school,,d1\n");
        files.put("academicSessions.csv", "sourcedId,status,dateLastModified,title,type,startDate,endDate,"
                + "parentSourcedId,schoolYear\n"
                + "y25,,,2025/2026,schoolYear,2025-09-01,2026-05-31,,2026\n"
                + "y26,,,2026/2027,schoolYear,2026-09-01,2027-05-31,,2027\n"
                + "t26a,,,1 четверть,term,2026-09-01,2026-10-31,y26,2027\n");
        files.put("courses.csv", "sourcedId,status,dateLastModified,schoolYearSourcedId,title,courseCode,grades,"
                + "orgSourcedId,subjects,subjectCodes\n"
                + "math5,,,y26,Математика 5,,05,s1,Математика,\n"
                + "home,,,y26,Классы,,,s1,,\n");
        files.put("classes.csv", "sourcedId,status,dateLastModified,title,grades,courseSourcedId,classCode,"
                + "classType,location,schoolSourcedId,termSourcedIds,subjects,subjectCodes,periods\n"
                + "c5v,,,5в,05,home,5в,homeroom,,s1,t26a,,,\n"
                + "c5g,,,5 г,05,home,5г,homeroom,,s1,y26,,,\n"
                + "c4a-old,,,4а,04,home,4а,homeroom,,s1,y25,,,\n"
                + "dg,,,Группа «Солнышко»,PK,home,,homeroom,,s1,y26,,,\n"
                + "m5v,,,Математика 5в,05,math5,,scheduled,,s1,t26a,,,\n"
                + "g1a,,,1а,01,home,,homeroom,,s2,y26,,,\n");
        files.put("roles.csv", "sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,"
                + "orgSourcedId,userProfileSourcedId\n"
                + "r1,,,t1,primary,teacher,,,s1,\n"
                + "r2,,,t2,primary,teacher,,,s1,\n"
                + "r3,,,a1,primary,principal,,,s1,\n"
                + "r4,,,p1,primary,student,,,s1,\n"
                + "r5,,,p2,primary,student,,,s1,\n"
                + "r6,,,p3,primary,student,,,s1,\n"
                + "r7,,,m1,primary,parent,,,d1,\n"
                + "r8,,,m2,primary,guardian,,,s1,\n"
                + "r9,,,t9,primary,teacher,,,s2,\n"
                + "r10,,,p9,primary,student,,,s2,\n"
                + "r11,,,t1,secondary,teacher,,,s2,\n");
        files.put("users.csv", "sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,"
                + "familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password\n"
                + "t1,,,true,t1,,Анна,Смирнова,,,,+79000000001,,,,\n"
                + "t2,,,true,t2,,Борис,Иванов,,,,,,,,\n"
                + "a1,,,true,a1,,Галина,Сидорова,,,,,,,,\n"
                + "p1,,,true,p1,,Дима,Кузнецов,,,,,,m1,05,\n"
                + "p2,,,false,p2,,Егор,Попов,,,,,,,05,\n"
                + "p3,,,true,p3,,Женя,Соколов,,,,,,,05,\n"
                + "m1,,,true,m1,,Ирина,Кузнецова,,,,,,p1,,\n"
                + "m2,,,true,m2,,Ксения,Соколова,,,,,,p3,,\n"
                + "t9,,,true,t9,,Олег,Орлов,,,,,,,,\n"
                + "p9,,,true,p9,,Петя,Орлов,,,,,,,01,\n");
        files.put("enrollments.csv", "sourcedId,status,dateLastModified,classSourcedId,schoolSourcedId,"
                + "userSourcedId,role,primary,beginDate,endDate\n"
                + "e1,,,c5v,s1,t1,teacher,true,,\n"
                + "e2,,,c5v,s1,p1,student,false,,\n"
                + "e3,,,c5v,s1,p2,student,false,,\n"
                + "e4,,,c5g,s1,t2,teacher,true,,\n"
                + "e5,,,c5g,s1,p3,student,false,,\n"
                + "e6,,,m5v,s1,t2,teacher,true,,\n"
                + "e7,,,g1a,s2,t9,teacher,true,,\n"
                + "e8,,,g1a,s2,p9,student,false,,\n");
        return files;
    }

    Path write(Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        }
        return dir;
    }

    RosterSnapshot read(Map<String, String> files) throws IOException {
        return OneRosterReader.on(TODAY).read(write(files));
    }

    static Map<String, String> with(String file, String appended) {
        Map<String, String> files = region();
        files.put(file, files.get(file) + appended);
        return files;
    }

    static List<String> rows(RosterSnapshot snapshot) {
        return snapshot.invalidRows().stream().map(InvalidRow::toString).collect(Collectors.toList());
    }

    static void invalid(RosterSnapshot snapshot, String file, long line, String words) {
        assertTrue(snapshot.invalidRows().stream().anyMatch(r -> r.file().equals(file) && r.line() == line
                && r.reason().contains(words)), () -> "expected " + file + ":" + line + " «" + words + "» in "
                + rows(snapshot));
        RosterPlan plan = RosterPlanner.plan(snapshot, PlatformView.emptyAllLinked(), PlanOptions.defaults());
        assertTrue(plan.blocked(), "an invalid snapshot plans nothing");
        assertEquals(0, plan.size());
    }

    @Test
    @DisplayName("F-EMB-01 a OneRoster 1.2 directory: schools, current year, homerooms, subjects, roles, parents")
    void readsOneRoster12() throws IOException {
        RosterSnapshot s = read(region());
        assertEquals(List.of(), rows(s));
        assertEquals(List.of("s1", "s2"), s.schools().stream().map(x -> x.id()).collect(Collectors.toList()),
                "districts are not schools");
        assertEquals("y26", s.currentYear().orElseThrow().id(), "the year that contains today");
        Map<String, HomeroomClass> classes = s.homerooms().stream()
                .collect(Collectors.toMap(HomeroomClass::id, h -> h));
        assertEquals("5в", classes.get("c5v").displayName());
        assertEquals("y26", classes.get("c5v").yearId(), "a class of a term belongs to the term's year");
        assertEquals("5г", classes.get("c5g").displayName());
        assertTrue(classes.get("dg").preschool());
        assertEquals("Группа «Солнышко»", classes.get("dg").displayName());
        assertEquals("y25", classes.get("c4a-old").yearId());
        assertEquals("Математика", s.scheduledClasses().get(0).subject());
        RosterPerson principal = s.person(SchoolAccountId.of("a1")).orElseThrow();
        assertSame(PersonRole.ADMINISTRATOR, principal.role());
        RosterPerson t1 = s.person(SchoolAccountId.of("t1")).orElseThrow();
        assertEquals("s1", t1.schoolId(), "a secondary role elsewhere does not move the teacher");
        assertEquals("+79000000001", t1.mobilePhone().orElseThrow());
        assertFalse(t1.toString().contains("79000000001"), "the phone is never printed");
        assertSame(PersonRole.GUARDIAN, s.person(SchoolAccountId.of("m2")).orElseThrow().role());
        assertFalse(s.person(SchoolAccountId.of("p2")).orElseThrow().enabled());
        assertEquals(2, s.parentLinks().size(), "a link declared from both sides counts once");
        RosterPlan plan = RosterPlanner.plan(s, PlatformView.emptyAllLinked(), PlanOptions.defaults());
        RosterPlan.Counts c = plan.counts();
        assertEquals(2, c.schools());
        assertEquals(4, c.classes(), "5в, 5г, the preschool group and 1а of this year");
        assertEquals(9, c.people(), "p2 is disabled");
        assertEquals(2 + 2 + 2 + 1 + 2, c.chats());
        // staff s1: t1 t2 a1; s2: t9; 5в: t1 p1 | t1 m1; 5г: t2 p3 | t2 m2; group: none | none; 1а: t9 p9 | t9
        assertEquals(3 + 1 + 2 + 2 + 2 + 2 + 0 + 2 + 1, c.memberships());
        assertEquals(c.memberships(), c.toAdd());
    }

    @Test
    @DisplayName("F-EMB-01 OneRoster 1.1: role and orgSourcedIds in users.csv, parents through agentSourcedIds")
    void readsOneRoster11() throws IOException {
        Map<String, String> files = region();
        files.remove("roles.csv");
        files.put("manifest.csv", "propertyName,value\noneroster.version,1.1\n");
        files.put("users.csv", "sourcedId,status,dateLastModified,orgSourcedIds,role,username,userIds,givenName,"
                + "familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,enabledUser\n"
                + "t1,,,s1,teacher,t1,,Анна,Смирнова,,,,,,,,,true\n"
                + "t2,,,\"d1,s1\",teacher,t2,,Борис,Иванов,,,,,,,,,true\n"
                + "a1,,,s1,administrator,a1,,Галина,Сидорова,,,,,,,,,true\n"
                + "p1,,,s1,student,p1,,Дима,Кузнецов,,,,,,m1,05,,true\n"
                + "p2,,,s1,student,p2,,Егор,Попов,,,,,,,05,,true\n"
                + "p3,,,s1,student,p3,,Женя,Соколов,,,,,,\"m2\",05,,true\n"
                + "m1,,,,parent,m1,,Ирина,Кузнецова,,,,,,,,,true\n"
                + "m2,,,s1,guardian,m2,,Ксения,Соколова,,,,,,,,,true\n"
                + "t9,,,s2,teacher,t9,,Олег,Орлов,,,,,,,,,true\n"
                + "p9,,,s2,student,p9,,Петя,Орлов,,,,,,,01,,true\n");
        RosterSnapshot s = read(files);
        assertEquals(List.of(), rows(s));
        assertEquals("s1", s.person(SchoolAccountId.of("t2")).orElseThrow().schoolId(), "the district is no school");
        assertEquals(2, s.parentLinks().size());
        assertEquals(10, RosterPlanner.plan(s, PlatformView.empty(), PlanOptions.defaults()).counts().people());
    }

    @Test
    @DisplayName("F-EMB-01 bad input: a missing required column in the header, or a required value in a row")
    void missingRequiredColumn() throws IOException {
        RosterSnapshot s = read(with("users.csv", "x1,,,true,x1,,,Без имени,,,,,,,,\n"));
        invalid(s, "users.csv", 12, "required value(s) missing: givenName");
        Map<String, String> files = region();
        files.put("orgs.csv", "sourcedId,name\ns1,Школа №1\n");
        invalid(read(files), "orgs.csv", 1, "the header lacks the required column(s) type");
    }

    @Test
    @DisplayName("F-EMB-01 bad input: a duplicate sourcedId is reported at its second row")
    void duplicateSourcedId() throws IOException {
        RosterSnapshot s = read(with("users.csv", "p1,,,true,p1,,Дубль,Дублев,,,,,,,05,\n"));
        invalid(s, "users.csv", 12, "duplicate person id p1");
        invalid(read(with("enrollments.csv", "e1,,,c5g,s1,p3,student,false,,\n")), "enrollments.csv", 10,
                "duplicate sourcedId e1");
        invalid(read(with("classes.csv", "c5v,,,5в,05,home,5в,homeroom,,s1,y26,,,\n")), "classes.csv", 8,
                "duplicate class id c5v");
    }

    @Test
    @DisplayName("F-EMB-01 bad input: an enrollment of an unknown user or an unknown class")
    void unknownUserOrClass() throws IOException {
        invalid(read(with("enrollments.csv", "e9,,,c5v,s1,ghost,student,false,,\n")), "enrollments.csv", 10,
                "unknown person ghost");
        invalid(read(with("enrollments.csv", "e9,,,c9z,s1,p3,student,false,,\n")), "enrollments.csv", 10,
                "unknown class c9z");
    }

    @Test
    @DisplayName("F-EMB-01 bad input: a parent whose child is in no class of the current year")
    void parentWhoseChildIsInNoClass() throws IOException {
        Map<String, String> files = with("users.csv", "p7,,,true,p7,,Вася,Никитин,,,,,,m7,05,\n"
                + "m7,,,true,m7,,Нина,Никитина,,,,,,,,\n");
        files.put("roles.csv", files.get("roles.csv") + "r20,,,p7,primary,student,,,s1,\n"
                + "r21,,,m7,primary,parent,,,s1,\n");
        invalid(read(files), "users.csv", 13, "none of their children (p7) is in a homeroom class");
    }

    @Test
    @DisplayName("F-EMB-01 bad input: a person in two schools (two primary roles, or two schools in orgSourcedIds)")
    void personInTwoSchools() throws IOException {
        invalid(read(with("roles.csv", "r12,,,p3,primary,student,,,s2,\n")), "roles.csv", 13,
                "p3 is in two schools (s1 and s2)");
        Map<String, String> files = region();
        files.remove("roles.csv");
        files.put("users.csv", "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName\n"
                + "t1,true,\"s1,s2\",teacher,Анна,Смирнова\n");
        invalid(read(files), "users.csv", 2, "t1 is in two schools (s1, s2)");
        files.put("enrollments.csv", "sourcedId,classSourcedId,schoolSourcedId,userSourcedId,role\n"
                + "e1,g1a,s2,t1,teacher\n");
        files.put("users.csv", "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName\n"
                + "t1,true,s1,teacher,Анна,Смирнова\n");
        invalid(read(files), "enrollments.csv", 2, "belongs to school s1 but class g1a is of school s2");
    }

    @Test
    @DisplayName("F-EMB-01 a teacher in 200 classes: read and planned into all 200 classes' chats")
    void teacherInTwoHundredClasses() throws IOException {
        Map<String, String> files = region();
        StringBuilder classes = new StringBuilder(files.get("classes.csv"));
        StringBuilder enrollments = new StringBuilder(files.get("enrollments.csv"));
        for (int i = 0; i < 200; i++) {
            classes.append("k").append(i).append(",,,").append(1 + i % 11).append("-").append((char) ('а' + i % 20))
                    .append(i / 220).append(",,home,,homeroom,,s1,y26,,,\n");
            enrollments.append("ek").append(i).append(",,,k").append(i).append(",s1,t1,teacher,true,,\n");
        }
        files.put("classes.csv", classes.toString());
        files.put("enrollments.csv", enrollments.toString());
        RosterSnapshot s = read(files);
        assertEquals(List.of(), rows(s));
        RosterPlan plan = RosterPlanner.plan(s, PlatformView.emptyAllLinked(), PlanOptions.defaults());
        assertEquals(1 + 2 + 400, plan.changes().filter(c -> c instanceof org.sferum.sdk.roster.RosterChange.AddMember a
                && a.person().value().equals("t1")).count(), "staff chat, 5в and its parents', 200 × 2");
    }

    @Test
    @DisplayName("F-EMB-01 names in every Unicode script survive reading unchanged")
    void namesInEveryScript() throws IOException {
        List<String[]> names = List.of(
                new String[] {"Анна", "Смирнова"}, new String[] {"Ἀλέξανδρος", "Παπαδόπουλος"},
                new String[] {"محمد", "العبدالله"}, new String[] {"דוד", "כהן"}, new String[] {"明", "王"},
                new String[] {"𠀋𡈽", "𠮷野"}, new String[] {"देवनागरी", "शर्मा"}, new String[] {"தமிழ்", "செல்வம்"},
                new String[] {"ᏣᎳᎩ", "ᎦᏬᏂᎯᏍᏗ"}, new String[] {"Ə̀ní", "Ọláńrewájú"}, new String[] {"ㅎㅏㄴ", "김"},
                new String[] {"ሰላም", "ተስፋዬ"}, new String[] {"ქეთი", "ბერიძე"}, new String[] {"Հայկ", "Պետրոսյան"},
                new String[] {"Zoë 👩🏽‍🏫", "O\"Brien, Jr."}, new String[] {"ᠮᠣᠩᠭᠣᠯ", "ไทย"});
        Map<String, String> files = region();
        StringBuilder users = new StringBuilder(files.get("users.csv"));
        StringBuilder roles = new StringBuilder(files.get("roles.csv"));
        for (int i = 0; i < names.size(); i++) {
            users.append("u").append(i).append(",,,true,u").append(i).append(",,").append(csv(names.get(i)[0]))
                    .append(',').append(csv(names.get(i)[1])).append(",,,,,,,,\n");
            roles.append("ru").append(i).append(",,,u").append(i).append(",primary,teacher,,,s1,\n");
        }
        files.put("users.csv", users.toString());
        files.put("roles.csv", roles.toString());
        RosterSnapshot s = read(files);
        assertEquals(List.of(), rows(s));
        for (int i = 0; i < names.size(); i++) {
            RosterPerson p = s.person(SchoolAccountId.of("u" + i)).orElseThrow();
            assertEquals(names.get(i)[0], p.givenName());
            assertEquals(names.get(i)[1], p.familyName());
        }
    }

    private static String csv(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    @Test
    @DisplayName("F-EMB-01 bad input: a file cut in the middle of a row or of a quoted value")
    void fileCutInTheMiddle() throws IOException {
        String users = region().get("users.csv");
        Map<String, String> files = region();
        files.put("users.csv", users + "x1,,,true,x1,,Оборванный,Ря");
        invalid(read(files), "users.csv", 12, "the row has 8 of the header's 16 values");
        files.put("users.csv", users + "x1,,,true,x1,,\"Оборванная кавыч");
        invalid(read(files), "users.csv", 12, "the file may be cut in the middle");
        files.put("users.csv", users.substring(0, users.indexOf("m1,,,true")));
        RosterSnapshot s = read(files);
        assertTrue(rows(s).stream().anyMatch(r -> r.contains("agentSourcedIds: unknown person m1")), rows(s)::toString);
    }

    @Test
    @DisplayName("F-EMB-01 bad input: bytes that are not UTF-8, and a missing file, are reported too")
    void notUtf8AndMissingFile() throws IOException {
        write(region());
        byte[] users = Files.readAllBytes(dir.resolve("users.csv"));
        byte[] broken = new byte[users.length + 3];
        System.arraycopy(users, 0, broken, 0, users.length);
        broken[users.length] = (byte) 0xC3;
        broken[users.length + 1] = (byte) 0x28;
        broken[users.length + 2] = '\n';
        Files.write(dir.resolve("users.csv"), broken);
        RosterSnapshot s = OneRosterReader.on(TODAY).read(dir);
        assertTrue(rows(s).stream().anyMatch(r -> r.equals("users.csv:12: the row has bytes that are not UTF-8: save the file as UTF-8")),
                rows(s)::toString);
        Files.delete(dir.resolve("enrollments.csv"));
        assertTrue(rows(OneRosterReader.on(TODAY).read(dir)).contains(
                "enrollments.csv:0: the file is missing: a OneRoster bulk export needs it (or the manifest must "
                        + "declare it absent)"));
        ValidationException e = assertThrows(ValidationException.class,
                () -> OneRosterReader.on(TODAY).read(dir.resolve("nowhere")));
        assertSame(ErrorCode.INVALID_ROSTER, e.code());
    }

    @Test
    @DisplayName("F-EMB-01 with skipInvalid the valid part of a roster with invalid rows is planned")
    void skipInvalid() throws IOException {
        RosterSnapshot s = read(with("enrollments.csv", "e9,,,c5v,s1,ghost,student,false,,\n"));
        RosterPlan plan = RosterPlanner.plan(s, PlatformView.emptyAllLinked(), PlanOptions.skippingInvalid());
        assertFalse(plan.blocked());
        assertEquals(1, plan.counts().invalidRows());
        assertEquals(9, plan.counts().toCreate());
    }

    @Test
    @DisplayName("F-EMB-01 a large users.csv (200,000 rows, written as a stream) is read as a stream")
    void largeUsersFile() throws IOException {
        Map<String, String> files = region();
        write(files);
        int extra = 200_000;
        try (BufferedWriter users = Files.newBufferedWriter(dir.resolve("users.csv"), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
             BufferedWriter roles = Files.newBufferedWriter(dir.resolve("roles.csv"), StandardCharsets.UTF_8,
                     java.nio.file.StandardOpenOption.APPEND)) {
            for (int i = 0; i < extra; i++) {
                users.write("big" + i + ",,,true,big" + i + ",,Имя" + i + ",Фамилия" + i + ",,,,,,,05,\n");
                roles.write("rb" + i + ",,,big" + i + ",primary,teacher,,,s1,\n");
            }
        }
        List<String> progress = new ArrayList<>();
        RosterSnapshot s = OneRosterReader.on(TODAY)
                .withListener((file, rows, done) -> progress.add(file + ":" + rows + ":" + done)).read(dir);
        assertEquals(List.of(), rows(s));
        assertEquals(10 + extra, s.people().size());
        assertTrue(progress.contains("users.csv:200000:false"), progress::toString);
        assertTrue(progress.contains("users.csv:200010:true"), progress::toString);
        assertEquals(15 + extra, RosterPlanner.plan(s, PlatformView.empty(), PlanOptions.defaults()).counts()
                .memberships(), "every new teacher in the staff chat of s1");
    }
}
