package org.sferum.sdk.testkit.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code 127.0.0.1} and {@code localhost}, made at start by the JDK's own
 * {@code keytool} (so the emulator needs no crypto library for it), with a server context that presents it and a
 * client context that trusts only it. The key store lives in a temporary directory only while it is loaded.
 */
final class SelfSignedTls {
    private static final String ALIAS = "sferum-emulator";
    private static final String PASSWORD_VARIABLE = "SFERUM_EMULATOR_STORE_PASSWORD";
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    private final SSLContext server;
    private final SSLContext client;

    private SelfSignedTls(SSLContext server, SSLContext client) {
        this.server = server;
        this.client = client;
    }

    /** One certificate per JVM: keytool takes about a second, and every emulator of a test run can share it. */
    private static SelfSignedTls shared;

    /**
     * Returns this JVM's certificate and contexts, generating them on first use.
     *
     * @return the contexts
     * @throws UncheckedIOException if keytool cannot run or fails
     */
    static synchronized SelfSignedTls forThisJvm() {
        if (shared == null) {
            shared = generate();
        }
        return shared;
    }

    /**
     * Generates a key pair and certificate and builds both contexts.
     *
     * @return the contexts
     * @throws UncheckedIOException if keytool cannot run or fails
     */
    static SelfSignedTls generate() {
        char[] password = randomPassword();
        Path dir = null;
        try {
            dir = Files.createTempDirectory("sferum-emulator-tls");
            Path store = dir.resolve("emulator.p12");
            runKeytool(store, password);
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, password);
            }
            return new SelfSignedTls(serverContext(keys, password), clientContext(keys.getCertificate(ALIAS)));
        } catch (IOException e) {
            throw new UncheckedIOException("the emulator cannot make its TLS certificate: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot load the emulator's TLS certificate", e);
        } finally {
            deleteQuietly(dir);
        }
    }

    /**
     * Returns the context the server presents the certificate with.
     *
     * @return the server context
     */
    SSLContext server() {
        return server;
    }

    /**
     * Returns a context that trusts the certificate (and nothing else).
     *
     * @return the client context
     */
    SSLContext client() {
        return client;
    }

    private static void runKeytool(Path store, char[] password) throws IOException {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(keytool, "-genkeypair", "-noprompt",
                "-alias", ALIAS, "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA",
                "-validity", "30", "-dname", "CN=127.0.0.1, O=Sferum emulator",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-keystore", store.toString(), "-storetype", "PKCS12",
                "-storepass:env", PASSWORD_VARIABLE, "-keypass:env", PASSWORD_VARIABLE));
        builder.environment().put(PASSWORD_VARIABLE, new String(password));
        builder.redirectErrorStream(true);
        Process process = builder.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("keytool did not finish in " + KEYTOOL_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException("keytool exited with " + process.exitValue() + ": " + output.strip());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran", e);
        }
    }

    private static SSLContext serverContext(KeyStore keys, char[] password) throws GeneralSecurityException {
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }

    private static SSLContext clientContext(Certificate certificate) throws GeneralSecurityException, IOException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry(ALIAS, certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private static char[] randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = Files.list(dir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            dir.toFile().deleteOnExit();
        }
    }
}
