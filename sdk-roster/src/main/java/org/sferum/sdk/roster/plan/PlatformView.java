package org.sferum.sdk.roster.plan;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * What the planner reads of the platform: the chats the sync may see and who is linked to VK ID. Read-only. The
 * testkit's engine (for the fake and the emulator) and sdk-core (over the wire) implement it; {@link #empty()} is
 * the platform of an offline plan.
 */
public interface PlatformView {

    /**
     * Returns the chats of the schools' service accounts: the automatic ones with their key, and any others (made
     * by hand) with none.
     *
     * @return the chats
     */
    Iterable<PlatformChat> chats();

    /**
     * Tells whether a school account is linked to a VK ID educational profile, so that it can take part in chats.
     *
     * @param account the account
     * @return whether it is linked
     */
    boolean isLinked(SchoolAccountId account);

    /**
     * A platform with no chats where nobody is linked yet: every membership is pending.
     *
     * @return the view
     */
    static PlatformView empty() {
        return of(List.of(), account -> false);
    }

    /**
     * A platform with no chats where everybody is linked: the whole roster is to be created and added.
     *
     * @return the view
     */
    static PlatformView emptyAllLinked() {
        return of(List.of(), account -> true);
    }

    /**
     * A view over given chats and links, for tests and offline tools.
     *
     * @param chats the chats
     * @param linked who is linked
     * @return the view
     */
    static PlatformView of(Iterable<PlatformChat> chats, Predicate<SchoolAccountId> linked) {
        return new PlatformView() {
            @Override
            public Iterable<PlatformChat> chats() {
                return chats;
            }

            @Override
            public boolean isLinked(SchoolAccountId account) {
                return linked.test(account);
            }
        };
    }

    /**
     * A view over given chats where exactly the given accounts are linked.
     *
     * @param chats the chats
     * @param linked the linked accounts
     * @return the view
     */
    static PlatformView of(Iterable<PlatformChat> chats, Set<SchoolAccountId> linked) {
        return of(chats, linked::contains);
    }
}
