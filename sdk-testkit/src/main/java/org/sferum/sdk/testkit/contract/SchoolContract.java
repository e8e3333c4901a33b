package org.sferum.sdk.testkit.contract;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.testkit.DemoSchool;

/**
 * What every contract over the demo school shares: a fresh face per test, its school, and sessions of its users.
 * Extend a concrete contract (such as {@link MessagingContract}), not this class.
 */
public abstract class SchoolContract {
    /** The face under test, fresh for each test. */
    protected SferumFixture fixture;
    /** The seeded school of {@link #fixture}. */
    protected DemoSchool school;
    /** The class teacher's session. */
    protected SferumSession teacher;

    /** Creates the contract. */
    protected SchoolContract() {
    }

    /**
     * Opens a fresh face with the demo school seeded.
     *
     * @return the fixture
     */
    protected abstract SferumFixture openFixture();

    /** Opens the fixture. */
    @BeforeEach
    void openFace() {
        fixture = openFixture();
        ContractNeeds.Check.excludeUnlessOffered(getClass(), fixture);
        school = fixture.school();
        teacher = fixture.as(school.teacher());
    }

    /** Closes the fixture. */
    @AfterEach
    void closeFace() {
        if (fixture != null) {
            fixture.close();
        }
    }

    /**
     * Acts as a student of the demo class.
     *
     * @param index 0, 1 or 2
     * @return the student's session
     */
    protected SferumSession student(int index) {
        return fixture.as(school.students().get(index));
    }
}
