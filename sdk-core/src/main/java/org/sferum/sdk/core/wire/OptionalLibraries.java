package org.sferum.sdk.core.wire;

import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.SferumException;

/**
 * sdk-core's optional dependencies (issue 15): messaging needs neither, so they are {@code optional} in its POM and
 * {@code requires static} in its module. The code that uses one is reached only after {@link #require} has checked
 * that the library is there, so a missing jar is a {@link SferumException} with {@link ErrorCode#MISSING_LIBRARY}
 * naming the artifact, never a {@link NoClassDefFoundError}.
 */
public enum OptionalLibraries {
    /** ZXing's core, for QR codes of invite links ({@code InviteQr}). */
    ZXING("com.google.zxing.qrcode.QRCodeWriter", "com.google.zxing:core", "3.5.3",
            "QR codes of invite links (InviteQr)"),
    /** Nimbus JOSE + JWT, for checking VK ID's ID tokens (linking; {@code IdTokenKeys}). */
    NIMBUS("com.nimbusds.jwt.SignedJWT", "com.nimbusds:nimbus-jose-jwt", "10.5",
            "checking VK ID's ID tokens (completing a linking, IdTokenKeys)");

    private final String probe;
    private final String artifact;
    private final String version;
    private final String feature;
    private volatile Boolean present;

    OptionalLibraries(String probe, String artifact, String version, String feature) {
        this.probe = probe;
        this.artifact = artifact;
        this.version = version;
        this.feature = feature;
    }

    /**
     * Tells whether the library can be loaded by sdk-core.
     *
     * @return whether it is on the class path (or module path)
     */
    public boolean present() {
        Boolean known = present;
        if (known == null) {
            try {
                Class.forName(probe, false, OptionalLibraries.class.getClassLoader());
                known = Boolean.TRUE;
            } catch (ClassNotFoundException | LinkageError e) {
                known = Boolean.FALSE;
            }
            present = known;
        }
        return known;
    }

    /**
     * Checks that the library is there before the code that needs it runs.
     *
     * @throws SferumException with {@link ErrorCode#MISSING_LIBRARY}, naming the Maven artifact, when it is not
     */
    public void require() {
        if (!present()) {
            throw SferumException.of(ErrorCode.MISSING_LIBRARY, feature + " needs " + artifact + " (version "
                    + version + " or later), an optional dependency of org.sferum:sferum-sdk-core: add it to the"
                    + " application's dependencies. Messaging needs neither it nor any other optional library.");
        }
    }

    /**
     * Returns the Maven coordinates, {@code group:artifact}.
     *
     * @return the artifact
     */
    public String artifact() {
        return artifact;
    }
}
