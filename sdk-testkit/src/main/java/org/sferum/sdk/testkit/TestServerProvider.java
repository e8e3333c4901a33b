package org.sferum.sdk.testkit;

/**
 * A platform server that the JUnit extension ({@code org.sferum.sdk.testkit.junit.SferumExtension}) can hand to a
 * test besides the fake, found through {@link java.util.ServiceLoader}. sferum-emulator provides one for its
 * {@code SferumEmulator}: a test with the emulator on its class path declares a {@code SferumEmulator} parameter and
 * gets one. This type refers to no JUnit type, so that a server module implements it without depending on JUnit.
 *
 * @param <S> the server's type, which a test declares as a parameter
 */
public interface TestServerProvider<S extends AutoCloseable> {

    /**
     * Returns the server's type, which a test declares as a parameter.
     *
     * @return the type
     */
    Class<S> type();

    /**
     * Starts a server for one test: on a free loopback port, the demo school seeded, reading the test's clock.
     * The extension closes it after the test.
     *
     * @param clock the test's clock
     * @return the running server
     */
    S start(TestClock clock);

    /**
     * Returns the demo school seeded in a server this provider started.
     *
     * @param server the server
     * @return its school
     */
    DemoSchool demoSchool(S server);
}
