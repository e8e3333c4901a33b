package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * F-EMB-04: the emulator's TLS — a certificate made in-process with the names asked for, exported as PEM, trusted
 * by a JVM through a trust store (no check switched off), and HTTP/2 by ALPN.
 */
class EmulatorTlsTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("F-EMB-04 --tls --tls-names --export-cert: the PEM carries the names; a client trusting it speaks HTTP/2")
    void exportedCertificateIsTrustedOverHttp2() throws Exception {
        Path pem = dir.resolve("emulator.pem");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        EmulatorOptions options = EmulatorOptions.parse("--port", "0", "--tls", "--tls-names", "id.vk.ru, api.vk.ru",
                "--export-cert", pem.toString());
        try (SferumEmulator emulator = EmulatorMain.start(options, out)) {
            assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("Certificate written to"));
            X509Certificate certificate;
            try (InputStream in = Files.newInputStream(pem)) {
                certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            }
            List<String> names = certificate.getSubjectAlternativeNames().stream().map(n -> n.get(1).toString())
                    .collect(Collectors.toList());
            assertTrue(names.containsAll(List.of("id.vk.ru", "api.vk.ru", "localhost", "127.0.0.1")), names::toString);

            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("emulator", certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            HttpClient http = HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_2).build();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(
                    emulator.baseUri().resolve("/_emulator/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertEquals(HttpClient.Version.HTTP_2, health.version(), "ALPN chose h2");
            assertEquals("application/json; charset=utf-8", health.headers().firstValue("content-type").orElse(""));

            HttpClient untrusting = HttpClient.newHttpClient();
            assertThrows(javax.net.ssl.SSLHandshakeException.class, () -> untrusting.send(HttpRequest.newBuilder(
                    emulator.baseUri().resolve("/_emulator/health")).build(), HttpResponse.BodyHandlers.ofString()));
        }
    }

    @Test
    @DisplayName("F-EMB-04 --tls-names and --export-cert without --tls, and a bad name, are usage errors")
    void badTlsOptions() {
        assertThrows(IllegalArgumentException.class, () -> EmulatorOptions.parse("--export-cert", "x.pem"));
        assertThrows(IllegalArgumentException.class, () -> SferumEmulator.builder().tls(true)
                .tlsNames(List.of("bad name!")).start());
        assertThrows(IllegalArgumentException.class, () -> EmulatorOptions.parse("--control-token", "short"));
    }
}
