/**
 * The Sferum emulator: the testkit's platform engine behind the VK API, VK ID and the partner contract on a loopback
 * HTTP or HTTPS server, and its command line ({@code java -jar sferum-emulator.jar}). It carries no JUnit: the
 * testkit's JUnit extension finds it through {@link org.sferum.sdk.testkit.TestServerProvider}.
 */
module org.sferum.sdk.emulator {
    requires transitive org.sferum.sdk.testkit; // SferumEmulator's API speaks of DemoSchool, TestClock, the engine
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;
    requires org.eclipse.jetty.server; // the emulator's HTTP server (EmulatorHttpServer)
    requires org.eclipse.jetty.http2.server;
    requires org.eclipse.jetty.alpn.server;
    requires org.bouncycastle.pkix; // the emulator's self-signed certificate, made in-process
    requires org.bouncycastle.provider;
    requires java.net.http; // EmulatorVkIdUsers walks the emulator's VK ID pages over HTTP
    requires com.nimbusds.jose.jwt; // the emulator signs ID tokens and publishes its JWKS
    requires gg.jte.runtime; // the emulator's HTML pages (Templates), precompiled from src/main/jte
    requires static java.compiler; // @Generated on the classes jte makes from the templates
    requires org.jsoup; // the emulator's own page readers (LoginPageReader, EmulatorCallGuests)

    exports org.sferum.sdk.emulator;

    provides org.sferum.sdk.testkit.TestServerProvider with org.sferum.sdk.emulator.EmulatorServerProvider;
}
