package org.sferum.sdk.testkit.contract;

import java.time.Duration;
import org.sferum.sdk.Sferum;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.SeededUser;
import org.sferum.sdk.testkit.calls.CallGuests;
import org.sferum.sdk.testkit.vkid.VkIdUsers;

/**
 * One face of the SDK that a contract test runs against: an {@link Sferum} implementation and the demo school
 * seeded behind it. The testkit runs the contracts against the fake; sdk-core runs them against itself talking to
 * the emulator; a vendor can run them against its own implementation.
 */
public interface SferumFixture extends AutoCloseable {

    /**
     * Returns the implementation under test.
     *
     * @return the SDK entry point
     */
    Sferum sferum();

    /**
     * Returns the demo school seeded behind it, with a token for each user.
     *
     * @return the school
     */
    DemoSchool school();

    /**
     * Acts as a seeded user.
     *
     * @param user the user
     * @return the session
     */
    default SferumSession as(SeededUser user) {
        return sferum().session(user.token());
    }

    /**
     * Returns VK ID's user-facing side behind the implementation, for the linking contract.
     *
     * @return the VK ID users
     * @throws UnsupportedOperationException when the face has no VK ID behind it
     */
    default VkIdUsers vkId() {
        throw new UnsupportedOperationException("this fixture has no VK ID behind it");
    }

    /**
     * Returns anonymous guests joining calls by link through the call page, for the calls contract.
     *
     * @return the guests driver
     * @throws UnsupportedOperationException when the face has no call page behind it
     */
    default CallGuests guests() {
        throw new UnsupportedOperationException("this fixture has no call page behind it");
    }

    /**
     * Moves the clock that both the implementation and the platform behind it read.
     *
     * @param amount how far forward
     * @throws UnsupportedOperationException when the face's clock cannot be moved
     */
    default void advanceClock(Duration amount) {
        throw new UnsupportedOperationException("this fixture's clock cannot be moved");
    }

    /**
     * Makes the platform behind the implementation fail ({@code SERVICE_UNAVAILABLE}) after the given number of
     * further roster operations, for the roster contract's apply stopped midway.
     *
     * @param operations how many operations succeed first; negative to stop failing
     * @throws UnsupportedOperationException when the face cannot inject failures
     */
    default void failRosterAfter(long operations) {
        throw new UnsupportedOperationException("this fixture cannot make its platform fail");
    }

    /** Releases the implementation and whatever runs behind it. */
    @Override
    void close();
}
