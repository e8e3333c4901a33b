package org.sferum.sdk.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.links.Link;
import org.sferum.sdk.spi.LinkStore;
import org.sferum.sdk.spi.PendingLink;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.SchoolAccountId;
import org.sferum.sdk.users.UserId;

/**
 * The contract of a {@link LinkStore} (F-LINK-11): links found by account and by profile, the two conflicts with
 * their exact {@link ErrorCode}, re-linking, pending linkings taken once, atomicity under concurrent callers and
 * across nodes. Extend it and return a fresh store from {@link #newStore()}; for a store that several nodes share,
 * also override {@link #secondNodeOf} to return a second instance on the same data.
 *
 * <p>Every test uses account ids, profile ids and states that are random for the test, so a store that keeps data
 * between tests (a shared database) passes too. Instants are compared exactly and are given to the millisecond:
 * a store must keep them at least to the millisecond.
 */
public abstract class LinkStoreContract extends StoreContract<LinkStore> {
    private static final Instant LINKED_AT = Instant.parse("2025-09-01T08:30:15.123Z");
    private static final Instant STARTED_AT = Instant.parse("2025-09-01T08:29:59.987Z");

    private final long userBase = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 50);

    /** Creates the contract. */
    protected LinkStoreContract() {
    }

    private UserId user(int n) {
        return UserId.of(userBase + n);
    }

    private static Link link(SchoolAccountId account, UserId user) {
        return new Link(account, user, Role.STUDENT, LINKED_AT);
    }

    private PendingLink pending(String state, SchoolAccountId account) {
        return new PendingLink(state, account, Role.TEACHER,
                "verifier-" + state + "-dBjftJeZ4CVP.mB92K27uhbUJU1p1r_wW1gFWFOEjXk", "nonce-" + state, STARTED_AT);
    }

    private String state(String name) {
        return run + "-" + name;
    }

    private static ErrorCode conflictOf(Runnable action) {
        return assertThrows(ConflictException.class, action::run).code();
    }

    // ---- links ----

    @Test
    @DisplayName("F-LINK-11 a link is found by its account and by its profile")
    void insertAndFind() {
        Link link = link(account("teacher"), user(1));
        store.insert(link);

        assertEquals(Optional.of(link), store.findByAccount(link.account()));
        assertEquals(Optional.of(link), store.findByUser(link.user()));
        assertEquals(Optional.empty(), store.findByAccount(account("nobody")));
        assertEquals(Optional.empty(), store.findByUser(user(2)));
    }

    @Test
    @DisplayName("F-LINK-11 every field of a link is kept as inserted")
    void fieldsKept() {
        Link teacher = new Link(account("t"), user(1), Role.TEACHER, Instant.parse("2024-01-31T23:59:59.001Z"));
        Link parent = new Link(account("p"), user(2), Role.PARENT, Instant.parse("1999-12-31T00:00:00Z"));
        Link student = new Link(account("s"), user(3), Role.STUDENT, Instant.parse("2038-01-19T03:14:08.999Z"));
        for (Link link : List.of(teacher, parent, student)) {
            store.insert(link);
        }
        for (Link link : List.of(teacher, parent, student)) {
            assertEquals(Optional.of(link), store.findByAccount(link.account()));
            assertEquals(Optional.of(link), store.findByUser(link.user()));
        }
    }

    @Test
    @DisplayName("F-LINK-11 deleting a link removes it from both lookups, once")
    void delete() {
        Link link = link(account("student"), user(1));
        Link other = link(account("other"), user(2));
        store.insert(link);
        store.insert(other);

        assertTrue(store.delete(link.account()));
        assertEquals(Optional.empty(), store.findByAccount(link.account()));
        assertEquals(Optional.empty(), store.findByUser(link.user()));
        assertFalse(store.delete(link.account()), "a second delete finds nothing");
        assertFalse(store.delete(account("never-linked")));
        assertEquals(Optional.of(other), store.findByAccount(other.account()), "other links are untouched");
        assertEquals(Optional.of(other), store.findByUser(other.user()));
    }

    @Test
    @DisplayName("F-LINK-11 a second link of the same account fails with ACCOUNT_ALREADY_LINKED and changes nothing")
    void sameAccountConflicts() {
        Link first = link(account("student"), user(1));
        store.insert(first);

        Link second = new Link(first.account(), user(2), Role.PARENT, LINKED_AT.plusSeconds(60));
        assertEquals(ErrorCode.ACCOUNT_ALREADY_LINKED, conflictOf(() -> store.insert(second)));
        assertEquals(Optional.of(first), store.findByAccount(first.account()));
        assertEquals(Optional.of(first), store.findByUser(first.user()));
        assertEquals(Optional.empty(), store.findByUser(second.user()));
    }

    @Test
    @DisplayName("F-LINK-11 the same profile linked to a second account fails with PROFILE_ALREADY_LINKED and changes nothing")
    void sameProfileConflicts() {
        Link first = link(account("student"), user(1));
        store.insert(first);

        Link second = new Link(account("twin"), first.user(), Role.PARENT, LINKED_AT.plusSeconds(60));
        assertEquals(ErrorCode.PROFILE_ALREADY_LINKED, conflictOf(() -> store.insert(second)));
        assertEquals(Optional.of(first), store.findByUser(first.user()));
        assertEquals(Optional.of(first), store.findByAccount(first.account()));
        assertEquals(Optional.empty(), store.findByAccount(second.account()));
    }

    @Test
    @DisplayName("F-LINK-11 inserting the very same link twice fails with ACCOUNT_ALREADY_LINKED")
    void sameLinkTwice() {
        Link link = link(account("student"), user(1));
        store.insert(link);

        assertEquals(ErrorCode.ACCOUNT_ALREADY_LINKED, conflictOf(() -> store.insert(link)));
        assertEquals(Optional.of(link), store.findByAccount(link.account()));
    }

    @Test
    @DisplayName("F-LINK-11 after a delete the account can be linked again to the same profile")
    void relinkSameProfile() {
        Link first = link(account("student"), user(1));
        store.insert(first);
        assertTrue(store.delete(first.account()));

        Link again = new Link(first.account(), first.user(), Role.PARENT, LINKED_AT.plusSeconds(3600));
        store.insert(again);
        assertEquals(Optional.of(again), store.findByAccount(first.account()));
        assertEquals(Optional.of(again), store.findByUser(first.user()));
    }

    @Test
    @DisplayName("F-LINK-11 after a delete the account can be linked to another profile, and the old profile to another account")
    void relinkAnotherProfile() {
        Link first = link(account("student"), user(1));
        store.insert(first);
        assertTrue(store.delete(first.account()));

        Link moved = link(first.account(), user(2));
        store.insert(moved);
        assertEquals(Optional.of(moved), store.findByAccount(first.account()));
        assertEquals(Optional.of(moved), store.findByUser(user(2)));
        assertEquals(Optional.empty(), store.findByUser(user(1)), "the old profile is free");

        Link reused = link(account("sibling"), user(1));
        store.insert(reused);
        assertEquals(Optional.of(reused), store.findByUser(user(1)));
    }

    @Test
    @DisplayName("F-LINK-11 account ids are compared exactly: case and trailing spaces make different accounts")
    void accountIdsExact() {
        Link lower = link(SchoolAccountId.of(run + "-ivanov"), user(1));
        Link upper = link(SchoolAccountId.of(run + "-IVANOV"), user(2));
        Link spaced = link(SchoolAccountId.of(run + "-ivanov "), user(3));
        store.insert(lower);
        store.insert(upper);
        store.insert(spaced);

        assertEquals(Optional.of(lower), store.findByAccount(lower.account()));
        assertEquals(Optional.of(upper), store.findByAccount(upper.account()));
        assertEquals(Optional.of(spaced), store.findByAccount(spaced.account()));
        assertTrue(store.delete(upper.account()));
        assertEquals(Optional.of(lower), store.findByAccount(lower.account()));
        assertEquals(Optional.of(spaced), store.findByAccount(spaced.account()));
    }

    @Test
    @DisplayName("F-LINK-11 Cyrillic account ids of the largest length (128 characters) are kept exactly")
    void cyrillicLongAccountIds() {
        String prefix = run + "-Иванова Мария Петровна, 5«в» класс №";
        StringBuilder id = new StringBuilder(prefix);
        while (id.length() < SchoolAccountId.MAX_LENGTH) {
            id.append((char) ('а' + id.length() % 32));
        }
        SchoolAccountId longest = SchoolAccountId.of(id.toString());
        assertEquals(SchoolAccountId.MAX_LENGTH, longest.value().length());
        SchoolAccountId almost = SchoolAccountId.of(id.substring(0, SchoolAccountId.MAX_LENGTH - 1) + "ё");

        Link link = new Link(longest, user(1), Role.PARENT, LINKED_AT);
        Link neighbour = new Link(almost, user(2), Role.PARENT, LINKED_AT);
        store.insert(link);
        store.insert(neighbour);
        assertEquals(Optional.of(link), store.findByAccount(longest));
        assertEquals(Optional.of(link), store.findByUser(link.user()));
        assertEquals(Optional.of(neighbour), store.findByAccount(almost));
        assertEquals(ErrorCode.ACCOUNT_ALREADY_LINKED, conflictOf(() -> store.insert(link(longest, user(3)))));

        PendingLink started = new PendingLink(state("состояние-ё"), longest, Role.PARENT,
                "верификатор-" + run, "одноразовое число «nonce»", STARTED_AT);
        store.savePending(started);
        assertEquals(Optional.of(started), store.takePending(started.state()));
        assertTrue(store.delete(longest));
        assertEquals(Optional.of(neighbour), store.findByAccount(almost));
    }

    // ---- pending linkings ----

    @Test
    @DisplayName("F-LINK-11 a pending linking is kept as saved and taken only once")
    void pendingTakenOnce() {
        PendingLink started = pending(state("a"), account("student"));
        PendingLink other = pending(state("b"), account("parent"));
        store.savePending(started);
        store.savePending(other);

        assertEquals(Optional.of(started), store.takePending(started.state()));
        PendingLink taken = store.takePending(other.state()).orElseThrow();
        assertEquals(other.codeVerifier(), taken.codeVerifier());
        assertEquals(other.nonce(), taken.nonce());
        assertEquals(other, taken);
        assertEquals(Optional.empty(), store.takePending(started.state()), "taken already");
        assertEquals(Optional.empty(), store.takePending(other.state()), "taken already");
    }

    @Test
    @DisplayName("F-LINK-11 taking a state that was never saved finds nothing")
    void takeUnknown() {
        assertEquals(Optional.empty(), store.takePending(state("never-started")));
        assertEquals(Optional.empty(), store.takePending(""));
    }

    @Test
    @DisplayName("F-LINK-11 a second pending linking with the same state fails with CONFLICT and keeps the first")
    void pendingSameStateConflicts() {
        PendingLink first = pending(state("dup"), account("student"));
        store.savePending(first);

        PendingLink second = new PendingLink(first.state(), account("intruder"), Role.PARENT, "other-verifier",
                "other-nonce", STARTED_AT.plusSeconds(5));
        assertEquals(ErrorCode.CONFLICT, conflictOf(() -> store.savePending(second)));
        assertEquals(Optional.of(first), store.takePending(first.state()));
        assertEquals(Optional.empty(), store.takePending(first.state()));
    }

    @Test
    @DisplayName("F-LINK-11 several pending linkings of one account are kept apart by state")
    void pendingPerState() {
        SchoolAccountId student = account("student");
        PendingLink one = pending(state("1"), student);
        PendingLink two = pending(state("2"), student);
        store.savePending(one);
        store.savePending(two);

        assertEquals(Optional.of(two), store.takePending(two.state()));
        assertEquals(Optional.of(one), store.takePending(one.state()));
    }

    // ---- concurrency and nodes ----

    @Test
    @DisplayName("F-LINK-11 one pending linking taken by 8 threads at once (on two nodes) is given to exactly one")
    void concurrentTake() throws Exception {
        LinkStore second = secondNodeOf(store);
        for (int round = 0; round < 5; round++) {
            PendingLink started = pending(state("race-" + round), account("student-" + round));
            store.savePending(started);

            List<Optional<PendingLink>> results = race(i -> (i % 2 == 0 ? store : second).takePending(started.state()));
            List<PendingLink> winners = new ArrayList<>();
            results.forEach(r -> r.ifPresent(winners::add));
            assertEquals(List.of(started), winners, "round " + round + ": exactly one thread gets it, intact");
            assertEquals(Optional.empty(), store.takePending(started.state()));
        }
    }

    @Test
    @DisplayName("F-LINK-11 8 threads linking one account to different profiles at once (on two nodes): exactly one wins")
    void concurrentSameAccount() throws Exception {
        LinkStore second = secondNodeOf(store);
        for (int round = 0; round < 3; round++) {
            SchoolAccountId contested = account("contested-" + round);
            int base = 100 * (round + 1);
            List<Object> outcomes = race(i -> attempt(i % 2 == 0 ? store : second, link(contested, user(base + i))));

            Link winner = onlyWinner(outcomes, ErrorCode.ACCOUNT_ALREADY_LINKED);
            assertEquals(contested, winner.account());
            assertEquals(Optional.of(winner), store.findByAccount(contested));
            assertEquals(Optional.of(winner), second.findByAccount(contested));
            for (int i = 0; i < THREADS; i++) {
                UserId candidate = user(base + i);
                Optional<Link> found = store.findByUser(candidate);
                assertEquals(candidate.equals(winner.user()) ? Optional.of(winner) : Optional.empty(), found,
                        "only the winner's profile is linked");
            }
        }
    }

    @Test
    @DisplayName("F-LINK-11 8 threads linking one profile to different accounts at once (on two nodes): exactly one wins")
    void concurrentSameProfile() throws Exception {
        LinkStore second = secondNodeOf(store);
        for (int round = 0; round < 3; round++) {
            UserId contested = user(1000 + round);
            int r = round;
            List<Object> outcomes = race(i -> attempt(i % 2 == 0 ? store : second,
                    link(account("claimant-" + r + "-" + i), contested)));

            Link winner = onlyWinner(outcomes, ErrorCode.PROFILE_ALREADY_LINKED);
            assertEquals(contested, winner.user());
            assertEquals(Optional.of(winner), store.findByUser(contested));
            assertEquals(Optional.of(winner), second.findByUser(contested));
            for (int i = 0; i < THREADS; i++) {
                SchoolAccountId candidate = account("claimant-" + r + "-" + i);
                assertEquals(candidate.equals(winner.account()) ? Optional.of(winner) : Optional.empty(),
                        store.findByAccount(candidate), "only the winner's account is linked");
            }
        }
    }

    @Test
    @DisplayName("F-LINK-11 a link made through one node is seen, refused and deleted through the other")
    void twoNodes() {
        LinkStore second = secondNodeOf(store);
        Link link = link(account("teacher"), user(1));
        store.insert(link);

        assertEquals(Optional.of(link), second.findByAccount(link.account()));
        assertEquals(Optional.of(link), second.findByUser(link.user()));
        assertEquals(ErrorCode.ACCOUNT_ALREADY_LINKED, conflictOf(() -> second.insert(link(link.account(), user(2)))));
        assertEquals(ErrorCode.PROFILE_ALREADY_LINKED, conflictOf(() -> second.insert(link(account("x"), user(1)))));

        assertTrue(second.delete(link.account()));
        assertEquals(Optional.empty(), store.findByAccount(link.account()));
        assertEquals(Optional.empty(), store.findByUser(link.user()));
        assertFalse(store.delete(link.account()));
    }

    @Test
    @DisplayName("F-LINK-11 a linking started on one node is completed on the other, once")
    void pendingAcrossNodes() {
        LinkStore second = secondNodeOf(store);
        PendingLink started = pending(state("node-a"), account("student"));
        store.savePending(started);

        assertEquals(ErrorCode.CONFLICT, conflictOf(() -> second.savePending(started)));
        assertEquals(Optional.of(started), second.takePending(started.state()));
        assertEquals(Optional.empty(), store.takePending(started.state()));
        assertEquals(Optional.empty(), second.takePending(started.state()));
    }

    private static Object attempt(LinkStore node, Link link) {
        try {
            node.insert(link);
            return link;
        } catch (ConflictException e) {
            return e.code();
        }
    }

    private static Link onlyWinner(List<Object> outcomes, ErrorCode loserCode) {
        List<Link> winners = new ArrayList<>();
        for (Object outcome : outcomes) {
            if (outcome instanceof Link) {
                winners.add((Link) outcome);
            } else {
                assertEquals(loserCode, outcome, "every loser gets " + loserCode);
            }
        }
        assertEquals(1, winners.size(), "exactly one insert wins: " + outcomes);
        return winners.get(0);
    }
}
