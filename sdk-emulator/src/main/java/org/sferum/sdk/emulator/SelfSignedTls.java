package org.sferum.sdk.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A self-signed certificate made in-process (BouncyCastle's certificate builder over the JDK's own keys and
 * signatures, no {@code keytool} subprocess) for {@code 127.0.0.1}, {@code ::1}, {@code localhost} and any names
 * asked for ({@code --tls-names id.vk.ru,api.vk.ru}), with a server context that presents it, a client context that
 * trusts only it, and its PEM text ({@code --export-cert}) for browsers and other JVMs to trust.
 */
final class SelfSignedTls {
    /** The names every certificate carries. */
    static final List<String> DEFAULT_NAMES = List.of("localhost", "127.0.0.1", "::1");
    private static final String ALIAS = "sferum-emulator";
    private static final Duration VALIDITY = Duration.ofDays(30);
    private static final Pattern DNS_NAME = Pattern.compile(
            "(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9a-f:]*:[0-9a-f:.]*");

    /** One certificate per JVM for the default names: every emulator of a test run can share it. */
    private static SelfSignedTls shared;

    private final X509Certificate certificate;
    private final SSLContext server;
    private final SSLContext client;

    private SelfSignedTls(X509Certificate certificate, SSLContext server, SSLContext client) {
        this.certificate = certificate;
        this.server = server;
        this.client = client;
    }

    /**
     * Returns this JVM's certificate for the default names, generating it on first use.
     *
     * @return the certificate and contexts
     */
    static synchronized SelfSignedTls forThisJvm() {
        if (shared == null) {
            shared = generate(List.of());
        }
        return shared;
    }

    /**
     * Returns a certificate for the default names plus the given ones: the shared one when there are none.
     *
     * @param extraNames more DNS names or IP literals
     * @return the certificate and contexts
     * @throws IllegalArgumentException for a name that is neither a DNS name nor an IP literal
     */
    static SelfSignedTls forNames(List<String> extraNames) {
        return extraNames.isEmpty() ? forThisJvm() : generate(extraNames);
    }

    /**
     * Generates a key pair and a certificate for the default names plus the given ones.
     *
     * @param extraNames more DNS names or IP literals
     * @return the certificate and contexts
     * @throws IllegalArgumentException for a name that is neither a DNS name nor an IP literal
     */
    static SelfSignedTls generate(List<String> extraNames) {
        Set<String> names = new LinkedHashSet<>(DEFAULT_NAMES);
        for (String name : extraNames) {
            names.add(checkedName(name));
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256, new SecureRandom());
            KeyPair keys = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Name subject = new X500Name("CN=" + (extraNames.isEmpty() ? "127.0.0.1" : checkedName(extraNames.get(0)))
                    + ", O=Sferum emulator");
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), subject,
                    keys.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(names));
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            builder.addExtension(Extension.extendedKeyUsage, false,
                    new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            char[] password = new char[0];
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, keys.getPrivate(), password, new X509Certificate[] {certificate});
            return new SelfSignedTls(certificate, serverContext(store, password), clientContext(certificate));
        } catch (IOException e) {
            throw new UncheckedIOException("the emulator cannot make its TLS certificate: " + e.getMessage(), e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("the JDK cannot make the emulator's TLS certificate: " + e.getMessage(),
                    e);
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

    /**
     * Returns the certificate.
     *
     * @return the certificate
     */
    X509Certificate certificate() {
        return certificate;
    }

    /**
     * Returns the certificate as PEM text.
     *
     * @return {@code -----BEGIN CERTIFICATE-----} … {@code -----END CERTIFICATE-----}
     */
    String pem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the certificate cannot be encoded", e);
        }
    }

    /**
     * Writes the certificate as PEM to a file, replacing it.
     *
     * @param file where
     * @throws UncheckedIOException if it cannot be written
     */
    void exportPem(Path file) {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write(pem());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the certificate to " + file + ": " + e.getMessage(), e);
        }
    }

    private static String checkedName(String raw) {
        String name = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (name.isEmpty() || name.length() > 253
                || !(DNS_NAME.matcher(name).matches() || IP_LITERAL.matcher(name).matches())) {
            throw new IllegalArgumentException("'" + raw + "' is not a DNS name or an IP address for the certificate");
        }
        return name;
    }

    private static GeneralNames alternativeNames(Set<String> names) {
        List<GeneralName> list = new ArrayList<>();
        for (String name : names) {
            boolean ip = name.indexOf(':') >= 0 || name.chars().allMatch(c -> c == '.' || Character.isDigit(c));
            if (ip) {
                try {
                    InetAddress.getByName(name); // a literal: no lookup
                } catch (UnknownHostException e) {
                    throw new IllegalArgumentException("'" + name + "' is not an IP address", e);
                }
                list.add(new GeneralName(GeneralName.iPAddress, name));
            } else {
                list.add(new GeneralName(GeneralName.dNSName, name));
            }
        }
        return new GeneralNames(list.toArray(new GeneralName[0]));
    }

    private static SSLContext serverContext(KeyStore keys, char[] password) throws GeneralSecurityException {
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }

    private static SSLContext clientContext(X509Certificate certificate) throws GeneralSecurityException,
            IOException {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry(ALIAS, certificate);
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
