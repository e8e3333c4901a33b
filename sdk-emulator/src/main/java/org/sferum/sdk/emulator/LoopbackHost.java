package org.sferum.sdk.emulator;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tells whether a {@code Host} header names this machine's loopback: {@code 127.0.0.1}, {@code localhost} or
 * {@code [::1]}, each with an optional port. The control API answers only to those, so that a web page reached
 * through DNS rebinding (its own name resolved to 127.0.0.1) cannot read demo tokens and SMS codes.
 */
final class LoopbackHost {
    private static final Pattern LOOPBACK = Pattern.compile("(127\\.0\\.0\\.1|localhost|\\[::1\\])(:[0-9]{1,5})?");

    private LoopbackHost() {
    }

    /**
     * Tells whether the header names the loopback.
     *
     * @param host the {@code Host} header, possibly {@code null}
     * @return whether it is one of the loopback names, with or without a port
     */
    static boolean matches(String host) {
        return host != null && host.length() <= 32 && LOOPBACK.matcher(host.toLowerCase(Locale.ROOT)).matches();
    }
}
