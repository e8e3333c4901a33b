/**
 * The real Sferum client: {@link org.sferum.sdk.core.SferumClient} turns sdk-api calls into VK API requests over
 * {@code java.net.http}, and the answers back into sdk-api values and typed exceptions. The HTTP client can be
 * replaced through {@link org.sferum.sdk.core.transport.Transport}.
 */
module org.sferum.sdk.core {
    requires transitive org.sferum.sdk.api;
    requires org.sferum.sdk.roster; // roster plans: the planner and its PlatformView
    requires transitive java.net.http; // JdkHttpTransport accepts an embedder's HttpClient
    requires com.fasterxml.jackson.databind;
    requires static org.slf4j; // optional (issue 15): without it sdk-core logs through System.Logger (wire.Log)
    // Optional (issue 15): messaging needs neither; the code using them checks first (wire.OptionalLibraries).
    requires static com.google.zxing; // InviteQr; no ZXing type is part of the API
    requires static com.nimbusds.jose.jwt; // ID token verification (links); no Nimbus type is part of the API

    exports org.sferum.sdk.core;
    exports org.sferum.sdk.core.transport;

    uses org.sferum.sdk.spi.RequestInterceptor;
    uses org.sferum.sdk.spi.LinkStore;
    uses org.sferum.sdk.spi.TokenStore;
    uses org.sferum.sdk.spi.SferumEventListener;
    uses org.sferum.sdk.spi.SferumMetrics;
    uses org.sferum.sdk.core.transport.TransportProvider;
}
