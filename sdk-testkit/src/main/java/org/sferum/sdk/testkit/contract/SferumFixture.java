package org.sferum.sdk.testkit.contract;

import org.sferum.sdk.Sferum;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.SeededUser;

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

    /** Releases the implementation and whatever runs behind it. */
    @Override
    void close();
}
