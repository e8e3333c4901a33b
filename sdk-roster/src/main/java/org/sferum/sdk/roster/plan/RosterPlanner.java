package org.sferum.sdk.roster.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.roster.AutomaticChatKey;
import org.sferum.sdk.roster.AutomaticChatKind;
import org.sferum.sdk.roster.Enrollment;
import org.sferum.sdk.roster.HomeroomClass;
import org.sferum.sdk.roster.ParentLink;
import org.sferum.sdk.roster.PersonRole;
import org.sferum.sdk.roster.PlanOptions;
import org.sferum.sdk.roster.RosterChange;
import org.sferum.sdk.roster.RosterPerson;
import org.sferum.sdk.roster.RosterPlan;
import org.sferum.sdk.roster.RosterSnapshot;
import org.sferum.sdk.roster.School;
import org.sferum.sdk.roster.SchoolYear;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * Plans a roster sync (F-EMB-01, F-CHAT-01): what the roster asks for (the desired state) against what the platform
 * has ({@link PlatformView}). Pure and deterministic: the same snapshot and view give the same plan, in the
 * snapshot's order. The rules (docs/roster.md):
 * <ul>
 *   <li>for the current school year only: per school a staff chat (enabled teachers and administrators), per
 *       homeroom class a pupils' chat (its pupils and teachers; none for a preschool group) and a parents' chat
 *       (its pupils' parents and guardians and its teachers); disabled people take part in nothing;</li>
 *   <li>only linked people take part; the others are pending;</li>
 *   <li>an automatic chat the roster no longer asks for (a past year's, a class that is gone) is archived, a member
 *       it no longer lists is removed; a chat without a key (made by hand) is never touched;</li>
 *   <li>every chat is created with «Только создатель» for each action ({@link ChatSettings#ownerOnly()}) and the
 *       class teacher (the primary teacher, else the first) as its admin.</li>
 * </ul>
 * Memory: the plan of a 1,000,000-person region fits in {@code -Xmx1g} with its snapshot (docs/performance.md).
 */
public final class RosterPlanner {
    /** Longest chat title the platform accepts (the sdk-api {@code NewChat} rule). */
    static final int MAX_TITLE = 128;

    private RosterPlanner() {
    }

    /**
     * Plans a snapshot against a platform.
     *
     * @param snapshot the roster
     * @param platform what the platform has
     * @param options how to plan
     * @return the plan; blocked (no changes) when the snapshot has invalid rows and {@code skipInvalid} is not set
     */
    public static RosterPlan plan(RosterSnapshot snapshot, PlatformView platform, PlanOptions options) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(options, "options");
        boolean blocked = !snapshot.isValid() && !options.skipInvalid();
        Run run = new Run(snapshot, platform, !blocked);
        run.plan();
        RosterPlan.Counts c = run.counts(blocked);
        return new RosterPlan(snapshot.currentYear().map(SchoolYear::id).orElse(null), c,
                blocked ? List.of() : run.changes, snapshot.invalidRows(), blocked);
    }

    /** The members of one homeroom class, gathered from the enrollments. */
    private static final class ClassMembers {
        final HomeroomClass homeroom;
        final List<SchoolAccountId> students = new ArrayList<>();
        final List<SchoolAccountId> teachers = new ArrayList<>(2);
        SchoolAccountId classTeacher;

        ClassMembers(HomeroomClass homeroom) {
            this.homeroom = homeroom;
        }
    }

    /** One planning pass. */
    private static final class Run {
        private final RosterSnapshot snapshot;
        private final PlatformView platform;
        private final boolean collect;
        private final Map<AutomaticChatKey, PlatformChat> existing = new LinkedHashMap<>();
        private final Map<SchoolAccountId, List<AutomaticChatKey>> pending = new LinkedHashMap<>();
        final List<RosterChange> changes = new ArrayList<>();
        private long chats;
        private long memberships;
        private long toCreate;
        private long toAdd;
        private long toRemove;
        private long toArchive;
        private long classes;

        Run(RosterSnapshot snapshot, PlatformView platform, boolean collect) {
            this.snapshot = snapshot;
            this.platform = platform;
            this.collect = collect;
        }

        void plan() {
            for (PlatformChat chat : platform.chats()) {
                if (chat.automatic()) {
                    existing.put(chat.key(), chat);
                }
            }
            SchoolYear year = snapshot.currentYear().orElse(null);
            if (year != null) {
                planYear(year.id());
            }
            for (PlatformChat left : existing.values()) {
                if (!left.archived()) {
                    toArchive++;
                    add(new RosterChange.ArchiveChat(left.key()));
                }
            }
            for (Map.Entry<SchoolAccountId, List<AutomaticChatKey>> p : pending.entrySet()) {
                add(new RosterChange.PendingPerson(p.getKey(), p.getValue()));
            }
        }

        private void planYear(String yearId) {
            Map<String, ClassMembers> homerooms = new LinkedHashMap<>();
            for (HomeroomClass h : snapshot.homerooms()) {
                if (h.yearId().equals(yearId)) {
                    homerooms.put(h.id(), new ClassMembers(h));
                }
            }
            classes = homerooms.size();
            for (Enrollment e : snapshot.enrollments()) {
                ClassMembers members = homerooms.get(e.classId());
                if (members == null || !enabled(e.person())) {
                    continue;
                }
                if (e.role() == PersonRole.STUDENT) {
                    members.students.add(e.person());
                } else {
                    members.teachers.add(e.person());
                    if (e.primary() && members.classTeacher == null) {
                        members.classTeacher = e.person();
                    }
                }
            }
            Map<SchoolAccountId, Object> parentsOf = parentsByChild();
            Map<String, List<SchoolAccountId>> staff = new HashMap<>();
            Map<String, SchoolAccountId> firstAdministrator = new HashMap<>();
            for (RosterPerson p : snapshot.people()) {
                if (p.enabled() && p.role().isStaff()) {
                    staff.computeIfAbsent(p.schoolId(), s -> new ArrayList<>()).add(p.id());
                    if (p.role() == PersonRole.ADMINISTRATOR) {
                        firstAdministrator.putIfAbsent(p.schoolId(), p.id());
                    }
                }
            }
            for (School school : snapshot.schools()) {
                chat(AutomaticChatKey.staff(yearId, school.id()), "Сотрудники " + school.name(),
                        firstAdministrator.get(school.id()), staff.getOrDefault(school.id(), List.of()));
            }
            for (ClassMembers c : homerooms.values()) {
                SchoolAccountId admin = c.classTeacher != null ? c.classTeacher
                        : c.teachers.isEmpty() ? null : c.teachers.get(0);
                String name = c.homeroom.displayName();
                if (!c.homeroom.preschool()) {
                    Set<SchoolAccountId> pupils = new LinkedHashSet<>(c.teachers);
                    pupils.addAll(c.students);
                    chat(AutomaticChatKey.of(AutomaticChatKind.CLASS_STUDENTS, c.homeroom), name, admin, pupils);
                }
                Set<SchoolAccountId> parents = new LinkedHashSet<>(c.teachers);
                for (SchoolAccountId student : c.students) {
                    addParents(parents, parentsOf.get(student));
                }
                chat(AutomaticChatKey.of(AutomaticChatKind.CLASS_PARENTS, c.homeroom), "Родители " + name, admin,
                        parents);
            }
        }

        /** Parents by child: one id when a child has one enabled parent (most do), a list otherwise. */
        private Map<SchoolAccountId, Object> parentsByChild() {
            Map<SchoolAccountId, Object> parentsOf = new HashMap<>();
            for (ParentLink link : snapshot.parentLinks()) {
                if (!enabled(link.parent())) {
                    continue;
                }
                parentsOf.merge(link.child(), link.parent(), (old, added) -> {
                    if (old instanceof SchoolAccountId single) {
                        List<SchoolAccountId> list = new ArrayList<>(2);
                        list.add(single);
                        list.add((SchoolAccountId) added);
                        return list;
                    }
                    @SuppressWarnings("unchecked")
                    List<SchoolAccountId> list = (List<SchoolAccountId>) old;
                    list.add((SchoolAccountId) added);
                    return list;
                });
            }
            return parentsOf;
        }

        @SuppressWarnings("unchecked")
        private static void addParents(Set<SchoolAccountId> into, Object parents) {
            if (parents instanceof SchoolAccountId single) {
                into.add(single);
            } else if (parents != null) {
                into.addAll((List<SchoolAccountId>) parents);
            }
        }

        private boolean enabled(SchoolAccountId id) {
            return snapshot.person(id).map(RosterPerson::enabled).orElse(false);
        }

        private void chat(AutomaticChatKey key, String title, SchoolAccountId admin,
                          Collection<SchoolAccountId> members) {
            chats++;
            memberships += members.size();
            PlatformChat have = existing.remove(key);
            if (have == null) {
                toCreate++;
                add(new RosterChange.CreateChat(key, title(title), admin, ChatSettings.ownerOnly()));
            }
            for (SchoolAccountId member : members) {
                if (have != null && have.members().contains(member)) {
                    continue;
                }
                if (platform.isLinked(member)) {
                    toAdd++;
                    add(new RosterChange.AddMember(key, member));
                } else {
                    pending.computeIfAbsent(member, m -> new ArrayList<>(2)).add(key);
                }
            }
            if (have != null) {
                Set<SchoolAccountId> wanted = members instanceof Set<SchoolAccountId> set ? set
                        : new java.util.HashSet<>(members);
                for (SchoolAccountId member : have.members()) {
                    if (!wanted.contains(member)) {
                        toRemove++;
                        add(new RosterChange.RemoveMember(key, member));
                    }
                }
            }
        }

        private void add(RosterChange change) {
            if (collect) {
                changes.add(change);
            }
        }

        RosterPlan.Counts counts(boolean blocked) {
            long people = snapshot.people().stream().filter(RosterPerson::enabled).count();
            long invalid = snapshot.invalidRows().size();
            if (blocked) {
                return new RosterPlan.Counts(snapshot.schools().size(), classes, people, chats, memberships,
                        0, 0, 0, 0, 0, invalid);
            }
            return new RosterPlan.Counts(snapshot.schools().size(), classes, people, chats, memberships, toCreate,
                    toAdd, toRemove, toArchive, pending.size(), invalid);
        }
    }

    /** Cuts a title to what the platform accepts, on a code point boundary. */
    static String title(String title) {
        if (title.codePointCount(0, title.length()) <= MAX_TITLE) {
            return title;
        }
        return title.substring(0, title.offsetByCodePoints(0, MAX_TITLE - 1)) + "…";
    }
}
