package org.sferum.sdk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sferum.sdk.roster.RosterSnapshot;
import org.sferum.sdk.roster.oneroster.OneRosterReader;
import org.sferum.sdk.emulator.SferumEmulator;
import org.sferum.sdk.store.jdbc.JdbcRosterWork;

/** The {@code sferum} tool run in process (F-EMB-01): roster plan, its JSON, exit codes, help. */
class SferumCliTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** One school, one year, 5в with a teacher, two pupils (one disabled) and a parent; 5г empty. */
    @BeforeEach
    void region() throws IOException {
        write("orgs.csv", "sourcedId,name,type\ns1,Школа №1,school\n");
        write("academicSessions.csv", "sourcedId,title,type,startDate,endDate,schoolYear\n"
                + "y26,2026/2027,schoolYear,2026-09-01,2027-05-31,2027\n");
        write("classes.csv", "sourcedId,title,classType,schoolSourcedId,termSourcedIds,grades\n"
                + "c5v,5в,homeroom,s1,y26,05\nc5g,5г,homeroom,s1,y26,05\n");
        write("users.csv", "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,agentSourcedIds\n"
                + "t1,true,s1,teacher,Анна,Смирнова,\n"
                + "p1,true,s1,student,Дима,Кузнецов,m1\n"
                + "p2,false,s1,student,Егор,Попов,\n"
                + "m1,true,,parent,Ирина,Кузнецова,\n");
        write("enrollments.csv", "sourcedId,classSourcedId,schoolSourcedId,userSourcedId,role,primary\n"
                + "e1,c5v,s1,t1,teacher,true\ne2,c5v,s1,p1,student,false\ne3,c5v,s1,p2,student,false\n");
    }

    private void write(String file, String text) throws IOException {
        Files.writeString(dir.resolve(file), text, StandardCharsets.UTF_8);
    }

    private int run(String... args) {
        return SferumCli.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    private static Map<String, Long> json(String text) {
        Map<String, Long> values = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\"([a-z_]+)\": (\\d+)").matcher(text);
        while (m.find()) {
            values.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return values;
    }

    @Test
    @DisplayName("F-EMB-01 roster plan --json prints the counts of the offline plan, exit 0")
    void planJson() {
        assertEquals(0, run("roster", "plan", "--oneroster", dir.toString(), "--json", "--today", "2026-10-01"),
                err::toString);
        Map<String, Long> counts = json(out.toString());
        assertEquals(java.util.List.of("schools", "classes", "people", "chats", "memberships", "to_create", "to_add",
                "to_remove", "to_archive", "pending", "invalid_rows"), java.util.List.copyOf(counts.keySet()));
        assertEquals(1, counts.get("schools"));
        assertEquals(2, counts.get("classes"));
        assertEquals(3, counts.get("people"), "every enabled person whatever the role");
        assertEquals(5, counts.get("chats"), "two per homeroom class, one staff chat per school");
        // staff: t1; 5в: t1 p1; «Родители 5в»: t1 m1; 5г: none; «Родители 5г»: none
        assertEquals(5, counts.get("memberships"));
        assertEquals(5, counts.get("to_create"));
        assertEquals(0, counts.get("to_add"), "offline nobody is linked yet");
        assertEquals(3, counts.get("pending"));
        assertEquals(0, counts.get("invalid_rows"));
        assertTrue(out.toString().trim().startsWith("{") && out.toString().trim().endsWith("}"));
    }

    @Test
    @DisplayName("F-EMB-01 roster plan --assume-linked counts every membership to add; the text form is readable")
    void planAssumeLinkedText() {
        assertEquals(0, run("roster", "plan", "--oneroster", dir.toString(), "--assume-linked", "--no-progress"));
        assertTrue(out.toString().contains("to add        5 members"), out::toString);
        assertTrue(out.toString().contains("pending       0 people"), out::toString);
        assertEquals("", err.toString(), "no progress asked for, nothing to report");
    }

    @Test
    @DisplayName("F-EMB-01 an invalid roster exits 1, names file and line, and plans nothing unless --skip-invalid")
    void invalidRoster() throws IOException {
        write("enrollments.csv", "sourcedId,classSourcedId,schoolSourcedId,userSourcedId,role,primary\n"
                + "e1,c5v,s1,t1,teacher,true\ne2,c5v,s1,p1,student,false\ne3,c5v,s1,ghost,student,false\n");
        assertEquals(1, run("roster", "plan", "--oneroster", dir.toString(), "--json", "--assume-linked"));
        assertTrue(err.toString().contains("invalid: enrollments.csv:4: unknown person ghost"), err::toString);
        Map<String, Long> counts = json(out.toString());
        assertEquals(1, counts.get("invalid_rows"));
        assertEquals(0, counts.get("to_create") + counts.get("to_add"), "nothing planned");
        out.getBuffer().setLength(0);
        assertEquals(0, run("roster", "plan", "--oneroster", dir.toString(), "--json", "--assume-linked",
                "--skip-invalid"));
        assertEquals(5, json(out.toString()).get("to_create"));
    }

    @Test
    @DisplayName("--help exits 0; a missing directory or option exits 1; an unreachable platform exits 2")
    void exitCodes() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("roster"), out::toString);
        assertEquals(0, run("roster", "plan", "--help"));
        assertTrue(out.toString().contains("--oneroster"));
        assertEquals(1, run("roster", "plan"), "--oneroster is required");
        assertEquals(1, run("roster", "plan", "--oneroster", dir.resolve("nowhere").toString()));
        assertTrue(err.toString().contains("no OneRoster directory"), err::toString);
        assertEquals(2, run("roster", "apply", "--oneroster", dir.toString(), "--emulator", "http://127.0.0.1:1"));
        assertTrue(err.toString().contains("cannot reach the emulator"), err::toString);
        assertEquals(2, run("roster", "plan", "--oneroster", dir.toString(), "--emulator", "http://127.0.0.1:1"));
        assertEquals(1, run("roster", "apply", "--oneroster", dir.toString(), "--emulator", "http://127.0.0.1:1",
                "--endpoint", "http://127.0.0.1:2"), "both platforms");
        assertEquals(1, run("roster", "apply", "--oneroster", dir.toString(), "--endpoint", "http://127.0.0.1:2"),
                "--endpoint without its service tokens");
        assertEquals(1, run("roster", "plan", "--oneroster", dir.toString(), "--today", "not-a-date"));
    }

    @Test
    @DisplayName("F-EMB-01 a long read shows its progress on standard error, never on standard output")
    void progressOnStandardError() throws IOException {
        StringBuilder users = new StringBuilder(Files.readString(dir.resolve("users.csv")));
        for (int i = 0; i < 60_000; i++) {
            users.append('u').append(i).append(",true,s1,teacher,Имя,Фамилия,\n");
        }
        write("users.csv", users.toString());
        assertEquals(0, run("roster", "plan", "--oneroster", dir.toString(), "--json"));
        assertTrue(err.toString().contains("reading users.csv: 50000 rows"), err::toString);
        assertTrue(err.toString().contains("planning…"), err::toString);
        assertEquals(60_003, json(out.toString()).get("people"));
    }

    /** The same region with phones, so that the emulator's seed makes VK ID accounts for it. */
    private void withPhones() throws IOException {
        write("users.csv", "sourcedId,enabledUser,orgSourcedIds,role,givenName,familyName,agentSourcedIds,sms\n"
                + "t1,true,s1,teacher,Анна,Смирнова,,+79011110001\n"
                + "p1,true,s1,student,Дима,Кузнецов,m1,+79011110002\n"
                + "p2,false,s1,student,Егор,Попов,,+79011110003\n"
                + "m1,true,,parent,Ирина,Кузнецова,,+79011110004\n");
    }

    @Test
    @DisplayName("F-EMB-01 F-CHAT-01 roster apply against an emulator seeded with the roster: applied once, then nothing to do")
    void applyAgainstEmulator() throws IOException {
        withPhones();
        RosterSnapshot roster = OneRosterReader.on(LocalDate.of(2026, 10, 1)).read(dir);
        try (SferumEmulator emulator = SferumEmulator.builder().port(0).seedDemo(false).seedRoster(roster, 1.0)
                .start()) {
            String url = emulator.baseUri().toString();
            assertEquals(0, run("roster", "plan", "--oneroster", dir.toString(), "--emulator", url, "--json",
                    "--today", "2026-10-01"), err::toString);
            Map<String, Long> before = json(out.toString());
            assertEquals(5, before.get("to_create"));
            assertEquals(5, before.get("to_add"), "everybody is linked: t1 in three chats, p1, m1");
            assertEquals(0, before.get("pending"));

            out.getBuffer().setLength(0);
            assertEquals(0, run("roster", "apply", "--oneroster", dir.toString(), "--emulator", url, "--dry-run",
                    "--today", "2026-10-01"), err::toString);
            assertEquals(0, json(out.toString()).get("applied"), "a dry run changes nothing");

            out.getBuffer().setLength(0);
            assertEquals(0, run("roster", "apply", "--oneroster", dir.toString(), "--emulator", url,
                    "--today", "2026-10-01"), err::toString);
            assertEquals(10, json(out.toString()).get("applied"), out::toString);
            assertEquals(0, json(out.toString()).get("failed"));
            assertTrue(err.toString().contains("10/10"), "the progress bar ends at 10/10: " + err);

            out.getBuffer().setLength(0);
            assertEquals(0, run("roster", "plan", "--oneroster", dir.toString(), "--emulator", url, "--json",
                    "--today", "2026-10-01"), err::toString);
            Map<String, Long> after = json(out.toString());
            assertEquals(0, after.get("to_create") + after.get("to_add") + after.get("to_remove"), out::toString);
            out.getBuffer().setLength(0);
            assertEquals(0, run("roster", "apply", "--oneroster", dir.toString(), "--emulator", url, "--resume",
                    "--today", "2026-10-01"), err::toString);
            assertEquals(0, json(out.toString()).get("applied"), "a second run changes nothing");
        }
    }

    @Test
    @DisplayName("F-EMB-01 roster apply --jdbc checkpoints work items: a platform error midway exits 2, then --resume"
            + " --jdbc finishes the run without planning again and without repeating an item")
    void applyResumesThroughJdbcWorkItems() throws IOException {
        withPhones();
        RosterSnapshot roster = OneRosterReader.on(LocalDate.of(2026, 10, 1)).read(dir);
        String jdbcUrl = "jdbc:h2:mem:cli-resume-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (SferumEmulator emulator = SferumEmulator.builder().port(0).seedDemo(false).seedRoster(roster, 1.0)
                .start()) {
            String url = emulator.baseUri().toString();
            assertEquals(1, run("roster", "apply", "--oneroster", dir.toString(), "--emulator", url,
                    "--jdbc", jdbcUrl), "--jdbc needs --run");
            // the platform fails after 9 of the 10 changes: the first work items (four chats) are done by then
            emulator.engine().roster().failAfter(9);
            assertEquals(2, run("roster", "apply", "--oneroster", dir.toString(), "--emulator", url,
                    "--today", "2026-10-01", "--jdbc", jdbcUrl, "--run", "nightly-1", "--no-progress"),
                    err::toString);
            assertTrue(err.toString().contains("--resume"), err::toString);
            org.h2.jdbcx.JdbcDataSource database = new org.h2.jdbcx.JdbcDataSource();
            database.setURL(jdbcUrl);
            JdbcRosterWork work = JdbcRosterWork.on(database, "sferum_");
            int left = work.remaining("nightly-1");
            Map<Integer, String> doneBefore = work.doneBy("nightly-1");
            assertTrue(left > 0 && !doneBefore.isEmpty(), "items done and left after the outage: " + doneBefore
                    + ", " + left + " left");
            // the roster's directory is gone: --resume --jdbc does not read or plan again
            Files.delete(dir.resolve("users.csv"));
            emulator.engine().roster().failAfter(-1);
            out.getBuffer().setLength(0);
            assertEquals(1, run("roster", "apply", "--oneroster", dir.toString(), "--emulator", url, "--resume",
                    "--jdbc", jdbcUrl, "--run", "nightly-0"), "an unknown run");
            assertEquals(0, run("roster", "apply", "--oneroster", dir.toString(), "--emulator", url, "--resume",
                    "--jdbc", jdbcUrl, "--run", "nightly-1", "--no-progress"), err::toString);
            assertEquals(0, work.remaining("nightly-1"));
            Map<Integer, String> doneAfter = work.doneBy("nightly-1");
            doneBefore.forEach((item, node) -> assertEquals(node, doneAfter.get(item), "item " + item
                    + " was done once, before the outage, and not taken again"));
            long appliedOnResume = json(out.toString()).get("applied");
            assertEquals(0, json(out.toString()).get("failed"), out::toString);
            // what the platform has now is the whole roster: planning again finds nothing to do
            withPhones();
            out.getBuffer().setLength(0);
            assertEquals(0, run("roster", "plan", "--oneroster", dir.toString(), "--emulator", url, "--json",
                    "--today", "2026-10-01"), err::toString);
            Map<String, Long> after = json(out.toString());
            assertEquals(0, after.get("to_create") + after.get("to_add") + after.get("to_remove"), out::toString);
            assertEquals(1, appliedOnResume, "the resume applied only the one change left, none of the nine done");
        }
    }

    @Test
    @DisplayName("F-EMB-01 an invalid roster applies nothing (exit 1) unless --skip-invalid")
    void invalidRosterAppliesNothing() throws IOException {
        withPhones();
        RosterSnapshot roster = OneRosterReader.on(LocalDate.of(2026, 10, 1)).read(dir);
        write("enrollments.csv", "sourcedId,classSourcedId,schoolSourcedId,userSourcedId,role,primary\n"
                + "e1,c5v,s1,t1,teacher,true\ne2,c5v,s1,p1,student,false\ne3,c5v,s1,nobody,student,false\n");
        try (SferumEmulator emulator = SferumEmulator.builder().port(0).seedDemo(false).seedRoster(roster, 1.0)
                .start()) {
            String url = emulator.baseUri().toString();
            assertEquals(1, run("roster", "apply", "--oneroster", dir.toString(), "--emulator", url,
                    "--today", "2026-10-01"));
            assertTrue(err.toString().contains("nothing is applied"), err::toString);
            assertFalse(emulator.engine().roster().view().chats().iterator().hasNext(), "no chat made");
            assertEquals(0, run("roster", "apply", "--oneroster", dir.toString(), "--emulator", url,
                    "--skip-invalid", "--today", "2026-10-01"), err::toString);
            assertTrue(emulator.engine().roster().view().chats().iterator().hasNext());
        }
    }
}
