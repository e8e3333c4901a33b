package org.sferum.sdk.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.sferum.sdk.emulator.SferumEmulator;

/**
 * F-EMB-04: the same tests as {@link VkJavaSdkOnEmulatorTest}, with the official VK Java SDK reaching the emulator
 * over HTTPS (HTTP/1.1; the SDK's Apache client does not speak HTTP/2). The JVM trusts the emulator the way a user
 * would make it: the emulator's certificate is exported as PEM ({@link SferumEmulator#exportCertificate}, the
 * {@code --export-cert} option of the jar), put into a PKCS#12 trust store, and the JVM pointed at that store with
 * {@code javax.net.ssl.trustStore}. No check is switched off: the SDK's default TLS settings verify the chain and
 * the host name ({@code 127.0.0.1} is in the certificate).
 */
class VkJavaSdkOverHttpsTest extends VkJavaSdkOnEmulatorTest {
    private static final String[] PROPERTIES = {"javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword",
        "javax.net.ssl.trustStoreType"};

    @TempDir
    static Path dir;

    private static String[] saved;

    @BeforeAll
    static void trustTheEmulator() throws IOException, GeneralSecurityException {
        Path pem = dir.resolve("emulator.pem");
        try (SferumEmulator probe = SferumEmulator.builder().tls(true).seedDemo(false).start()) {
            probe.exportCertificate(pem); // every emulator of this JVM presents the same certificate
        }
        assertTrue(Files.readString(pem).startsWith("-----BEGIN CERTIFICATE-----"));
        Certificate certificate;
        try (InputStream in = Files.newInputStream(pem)) {
            certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("sferum-emulator", certificate);
        Path trustStore = dir.resolve("truststore.p12");
        char[] password = "changeit".toCharArray();
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            store.store(out, password);
        }
        saved = new String[PROPERTIES.length];
        for (int i = 0; i < PROPERTIES.length; i++) {
            saved[i] = System.getProperty(PROPERTIES[i]);
        }
        System.setProperty("javax.net.ssl.trustStore", trustStore.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", new String(password));
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    }

    @AfterAll
    static void restore() {
        for (int i = 0; i < PROPERTIES.length; i++) {
            if (saved[i] == null) {
                System.clearProperty(PROPERTIES[i]);
            } else {
                System.setProperty(PROPERTIES[i], saved[i]);
            }
        }
    }

    @Override
    SferumEmulator startEmulator() {
        SferumEmulator emulator = SferumEmulator.builder().tls(true).start();
        assertEquals("https", emulator.baseUri().getScheme());
        return emulator;
    }
}
