package org.sferum.sdk.testkit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.roster.PersonRole;
import org.sferum.sdk.roster.RosterPerson;
import org.sferum.sdk.roster.RosterSnapshot;
import org.sferum.sdk.roster.School;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.UserId;

/**
 * A roster seeded into an engine (the emulator's {@code --seed oneroster:DIR[:linked=F]}): every enabled roster
 * person with a phone gets a VK ID account ({@link DemoSchool#PASSWORD}) with an educational profile; the fraction
 * {@code linked} of them (spread evenly over the roster's order) is linked to their school account, as if they had
 * gone through the linking; every school gets its service account and a token for it.
 *
 * @param serviceTokens the token of each school's service account, by school id
 * @param accounts the VK ID accounts made
 * @param linked how many of them are linked
 * @param skipped people left without an account: disabled, without a phone, or whose phone VK ID refused
 */
public record RosterSeed(Map<String, String> serviceTokens, int accounts, int linked, int skipped) {
    /**
     * Copies the tokens.
     *
     * @param serviceTokens the tokens by school
     * @param accounts the accounts made
     * @param linked how many are linked
     * @param skipped the people left out
     */
    public RosterSeed {
        serviceTokens = Map.copyOf(serviceTokens);
    }

    /**
     * Seeds a roster.
     *
     * @param engine the engine
     * @param snapshot the roster
     * @param linkedFraction the share of people to link, 0 to 1
     * @return what was seeded
     * @throws IllegalArgumentException if the fraction is outside 0 to 1
     */
    public static RosterSeed seed(PlatformEngine engine, RosterSnapshot snapshot, double linkedFraction) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(snapshot, "snapshot");
        if (!(linkedFraction >= 0 && linkedFraction <= 1)) {
            throw new IllegalArgumentException("the linked fraction must be between 0 and 1, got " + linkedFraction);
        }
        Map<String, String> tokens = new LinkedHashMap<>();
        for (School school : snapshot.schools()) {
            tokens.put(school.id(), engine.roster().serviceToken(school.id()));
        }
        int accounts = 0;
        int linked = 0;
        int skipped = 0;
        for (RosterPerson person : snapshot.people()) {
            if (!person.enabled() || person.phone() == null || person.phone().isBlank()) {
                skipped++;
                continue;
            }
            UserId user = engine.users().createUser(person.givenName(), person.familyName(), role(person.role()));
            try {
                engine.vkId().attachAccount(person.phone(), DemoSchool.PASSWORD, user);
            } catch (SferumException | IllegalArgumentException refused) {
                skipped++; // a malformed or repeated phone: VK ID would not take it either
                continue;
            }
            accounts++;
            // evenly spread: link the n-th account when the running share crosses the next whole person
            if (Math.floor(accounts * linkedFraction) > Math.floor((accounts - 1) * linkedFraction)) {
                engine.roster().accountLinked(person.id(), user);
                linked++;
            }
        }
        return new RosterSeed(tokens, accounts, linked, skipped);
    }

    private static Role role(PersonRole role) {
        switch (role) {
            case STUDENT:
                return Role.STUDENT;
            case PARENT:
            case GUARDIAN:
                return Role.PARENT;
            default:
                return Role.TEACHER;
        }
    }

    /** Never shows the tokens. */
    @Override
    public String toString() {
        return "RosterSeed[schools=" + serviceTokens.size() + ", accounts=" + accounts + ", linked=" + linked
                + ", skipped=" + skipped + "]";
    }
}
