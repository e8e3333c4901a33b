/**
 * The Sferum SDK testkit: the platform engine, the in-memory fake, the JUnit 5 extension and the contract tests.
 * JUnit is {@code requires static}: the engine and the fake run without it (the emulator, module
 * {@code org.sferum.sdk.emulator}, builds on them and carries no JUnit); the extension and the contracts are used
 * from tests, which have it.
 */
module org.sferum.sdk.testkit {
    requires transitive org.sferum.sdk.api;
    requires transitive org.sferum.sdk.roster; // roster plans: the planner and its PlatformView
    requires static org.junit.jupiter.api;
    requires static org.assertj.core; // SferumAssertions (issue 14): optional, as JUnit

    exports org.sferum.sdk.testkit;
    exports org.sferum.sdk.testkit.assertj;
    exports org.sferum.sdk.testkit.calls;
    exports org.sferum.sdk.testkit.contract;
    exports org.sferum.sdk.testkit.engine;
    exports org.sferum.sdk.testkit.engine.vkid;
    exports org.sferum.sdk.testkit.fake;
    exports org.sferum.sdk.testkit.junit;
    exports org.sferum.sdk.testkit.vkid;

    // JUnit reflects on the contract classes that implementations extend.
    opens org.sferum.sdk.testkit.contract to org.junit.platform.commons;

    // Servers that SferumExtension hands to tests besides the fake (sferum-emulator provides the emulator).
    uses org.sferum.sdk.testkit.TestServerProvider;
}
