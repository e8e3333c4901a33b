package org.sferum.sdk.core.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.Capability;
import org.sferum.sdk.internal.Backend;

/**
 * F-EMB-08: the table of wire methods agrees with sdk-core's sources, with the public VK API schema
 * ({@code shared/vk-api-schema}, required: the test fails without it) and with the backend profiles.
 */
class WireMethodsTest {
    private static final Pattern LITERAL = Pattern.compile(
            "\"((?:messages|calls|photos|docs|video|polls|users|friends|account|roster|support)\\.[a-z][A-Za-z]*)\"");

    @Test
    @DisplayName("F-EMB-08 every wire method sdk-core calls is in the table, and nothing else")
    void tableCoversTheSources() throws IOException {
        Set<String> called = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                if (file.endsWith("WireMethods.java")) {
                    continue;
                }
                Matcher m = LITERAL.matcher(Files.readString(file));
                while (m.find()) {
                    called.add(m.group(1));
                }
            }
        }
        assertEquals(called, WireMethods.all());
    }

    @Test
    @DisplayName("F-EMB-08 partner methods are those VK does not publish (plus calls.start/forceFinish on partner calls)")
    void partnerIsWhatVkDoesNotPublish() throws IOException {
        Set<String> published = publishedMethods();
        for (String method : WireMethods.all()) {
            if (!published.contains(method)) {
                assertTrue(WireMethods.isPartner(method), method + " is not in VK's schema, so it is partner");
            } else if (WireMethods.isPartner(method)) {
                assertTrue(Set.of("calls.start", "calls.forceFinish").contains(method),
                        method + " is public VK but marked partner");
            }
        }
    }

    @Test
    @DisplayName("F-EMB-08 the VK API profile has only capabilities whose every wire method is public; the partner"
            + " profile's each need the partner contract")
    void profilesFollowTheWire() {
        for (Capability capability : Capability.values()) {
            boolean allPublic = WireMethods.of(capability).stream().noneMatch(WireMethods::isPartner);
            if (capability == Capability.LINKING) {
                // Carried by VK ID's OAuth endpoints (docs/wire/vk-id.md), not by VK API methods.
                assertTrue(Backend.VK_API.contains(capability) && WireMethods.of(capability).isEmpty());
            } else if (Backend.VK_API.contains(capability)) {
                assertFalse(WireMethods.of(capability).isEmpty(), capability.name());
                assertTrue(allPublic, capability + " is offered by vk() but needs a partner method");
            } else if (Backend.PARTNER.contains(capability)) {
                assertFalse(allPublic, capability + " needs no partner method, so vk() could offer it");
            } else {
                assertTrue(WireMethods.of(capability).isEmpty(), capability + " is carried by no backend yet");
            }
        }
    }

    private static Set<String> publishedMethods() throws IOException {
        Path schema = null;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && schema == null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/vk-api-schema");
            if (Files.isDirectory(candidate)) {
                schema = candidate;
            }
        }
        assertTrue(schema != null, "shared/vk-api-schema not found above " + Path.of("").toAbsolutePath());
        Set<String> names = new TreeSet<>();
        try (Stream<Path> sections = Files.list(schema)) {
            for (Path section : (Iterable<Path>) sections::iterator) {
                Path methods = section.resolve("methods.json");
                if (Files.isRegularFile(methods)) {
                    for (JsonNode method : Json.parse(Files.readAllBytes(methods)).path("methods")) {
                        names.add(method.path("name").asText());
                    }
                }
            }
        }
        assertTrue(names.size() > 500, "read only " + names.size() + " VK methods");
        return names;
    }
}
