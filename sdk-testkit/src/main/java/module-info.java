/**
 * The Sferum SDK testkit: the platform engine, the in-memory fake, the JUnit 5 extension, the wire emulator and
 * the contract tests.
 */
module org.sferum.sdk.testkit {
    requires transitive org.sferum.sdk.api;
    requires transitive org.sferum.sdk.roster; // roster plans: the planner and its PlatformView
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core; // SferumAssertions (issue 14)
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires org.eclipse.jetty.server; // the emulator's HTTP server (EmulatorHttpServer)
    requires org.eclipse.jetty.http2.server;
    requires org.eclipse.jetty.alpn.server;
    requires org.bouncycastle.pkix; // the emulator's self-signed certificate, made in-process
    requires org.bouncycastle.provider;
    requires java.net.http; // EmulatorVkIdUsers walks the emulator's VK ID pages over HTTP
    requires com.nimbusds.jose.jwt; // the emulator signs ID tokens and publishes its JWKS

    exports org.sferum.sdk.testkit;
    exports org.sferum.sdk.testkit.assertj;
    exports org.sferum.sdk.testkit.calls;
    exports org.sferum.sdk.testkit.contract;
    exports org.sferum.sdk.testkit.emulator;
    exports org.sferum.sdk.testkit.engine;
    exports org.sferum.sdk.testkit.engine.vkid;
    exports org.sferum.sdk.testkit.fake;
    exports org.sferum.sdk.testkit.junit;
    exports org.sferum.sdk.testkit.vkid;

    // JUnit reflects on the contract classes that implementations extend.
    opens org.sferum.sdk.testkit.contract to org.junit.platform.commons;
}
