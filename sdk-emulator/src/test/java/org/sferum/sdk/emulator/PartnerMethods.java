package org.sferum.sdk.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The partner methods as sdk-core lists them ({@code PARTNER} in {@code sdk-core}'s {@code WireMethods}), read from
 * its source: sdk-testkit cannot depend on sdk-core (the reverse holds), and one list must stay the only one. The
 * source is always beside sdk-testkit in the reactor; when it is not found the calling test fails.
 */
final class PartnerMethods {
    /** The methods of the partner contract. */
    static final Set<String> ALL = read();

    private PartnerMethods() {
    }

    private static Set<String> read() {
        Path relative = Path.of("sdk-core/src/main/java/org/sferum/sdk/core/wire/WireMethods.java");
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path source = dir.resolve(relative);
            if (Files.isRegularFile(source)) {
                try {
                    Matcher block = Pattern.compile("PARTNER = Set\\.of\\((.*?)\\);", Pattern.DOTALL)
                            .matcher(Files.readString(source));
                    if (!block.find()) {
                        throw new AssertionError("no PARTNER = Set.of(...) in " + source);
                    }
                    Set<String> names = new LinkedHashSet<>();
                    Matcher name = Pattern.compile("\"([a-zA-Z]+\\.[a-zA-Z]+)\"").matcher(block.group(1));
                    while (name.find()) {
                        names.add(name.group(1));
                    }
                    if (names.size() < 10) {
                        throw new AssertionError("too few partner methods read from " + source + ": " + names);
                    }
                    return Set.copyOf(names);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new AssertionError(relative + " not found above " + Path.of("").toAbsolutePath());
    }
}
