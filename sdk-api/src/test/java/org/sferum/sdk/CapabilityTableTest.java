package org.sferum.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.account.Account;
import org.sferum.sdk.account.Support;
import org.sferum.sdk.attachments.Attachments;
import org.sferum.sdk.calls.CallParticipants;
import org.sferum.sdk.calls.CallRecordings;
import org.sferum.sdk.calls.Calls;
import org.sferum.sdk.chats.Chats;
import org.sferum.sdk.contacts.Contacts;
import org.sferum.sdk.events.Events;
import org.sferum.sdk.internal.Backend;
import org.sferum.sdk.internal.OperationTable;
import org.sferum.sdk.links.Links;
import org.sferum.sdk.messages.Messages;
import org.sferum.sdk.notifications.Notifications;
import org.sferum.sdk.roster.Roster;

/** F-EMB-08: every public operation has one capability in the table, and its Javadoc names the same one. */
class CapabilityTableTest {
    private static final List<Class<?>> API = List.of(Sferum.class, SferumSession.class, Chats.class, Messages.class,
            Attachments.class, Calls.class, CallParticipants.class, CallRecordings.class, Contacts.class,
            Notifications.class, Events.class, Links.class, Roster.class, Account.class, Support.class);
    private static final Pattern NEEDS = Pattern.compile("Needs\\s+(?:\\*\\s+)?(?:nothing|\\{@link\\s+(?:org\\.sferum\\.sdk\\.)?"
            + "Capability#(\\w+)})");

    @Test
    @DisplayName("F-EMB-08 every operation of the public API is in the capability table, and nothing else is")
    void tableCoversTheApi() {
        Set<String> seen = new HashSet<>();
        for (Class<?> type : API) {
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isStatic(method.getModifiers()) || method.isSynthetic()
                        || Modifier.isPrivate(method.getModifiers())
                        || method.getName().equals("capabilities") || method.getName().equals("backend")) {
                    continue;
                }
                String name = type.getSimpleName() + "." + method.getName();
                String key = OperationTable.operations().contains(name) ? name
                        : name + "(" + String.join(",", java.util.Arrays.stream(method.getParameterTypes())
                                .map(Class::getSimpleName).toList()) + ")";
                assertTrue(OperationTable.operations().contains(key), "no capability declared for " + key);
                seen.add(key);
            }
        }
        Set<String> stale = new HashSet<>(OperationTable.operations());
        stale.removeAll(seen);
        assertEquals(Set.of(), stale, "table entries for operations that do not exist");
    }

    @Test
    @DisplayName("F-EMB-08 each operation's Javadoc names the capability the table gives it")
    void javadocAgreesWithTable() throws IOException {
        int checked = 0;
        for (Class<?> type : API) {
            String source = Files.readString(Path.of("src/main/java", type.getName().replace('.', '/') + ".java"),
                    StandardCharsets.UTF_8);
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isStatic(method.getModifiers()) || method.isSynthetic()) {
                    continue;
                }
                String doc = javadocOf(source, method);
                Matcher needs = NEEDS.matcher(doc);
                assertTrue(needs.find(), type.getSimpleName() + "." + method.getName() + " names no capability");
                Optional<Capability> documented = Optional.ofNullable(needs.group(1)).map(Capability::valueOf);
                if (method.getName().equals("capabilities") || method.getName().equals("backend")) {
                    assertEquals(Optional.empty(), documented);
                    continue;
                }
                List<Capability> table = OperationTable.of(type, method, null);
                assertEquals(table.isEmpty() ? Optional.empty() : Optional.of(table.get(0)), documented,
                        type.getSimpleName() + "." + method.getName());
                checked++;
            }
        }
        assertTrue(checked > 80, "checked only " + checked);
    }

    @Test
    @DisplayName("F-EMB-08 the VK API and partner profiles split what is implemented: every capability")
    void profiles() {
        Set<Capability> both = new HashSet<>(Backend.VK_API);
        both.retainAll(Backend.PARTNER);
        assertEquals(Set.of(), both);
        assertTrue(Backend.PARTNER.contains(Capability.ROSTER), "roster sync needs the partner contract");
        assertEquals(new HashSet<>(Set.of(Capability.values())), Backend.IMPLEMENTED);
    }

    /** The Javadoc right above the declaration of the method (by name and parameter count). */
    private static String javadocOf(String source, Method method) {
        Pattern declaration = Pattern.compile("\\*/\\s*(?:@\\w+\\s*)*(?:default\\s+|public\\s+)?[\\w<>.,?\\[\\] ]+\\s"
                + Pattern.quote(method.getName()) + "\\(([^)]*)\\)");
        Matcher m = declaration.matcher(source);
        while (m.find()) {
            String params = m.group(1).trim();
            int count = params.isEmpty() ? 0 : params.split(",(?![^<]*>)").length;
            if (count == method.getParameterCount() && sameTypes(params, method)) {
                int end = m.start();
                int start = source.lastIndexOf("/**", end);
                return source.substring(start, end);
            }
        }
        throw new AssertionError("no Javadoc found for " + method);
    }

    private static boolean sameTypes(String params, Method method) {
        if (params.isEmpty()) {
            return true;
        }
        String[] each = params.split(",(?![^<]*>)");
        List<String> declared = new ArrayList<>();
        for (String p : each) {
            String type = p.trim().replaceAll("\\s+\\w+$", "").replaceAll("<.*>", "");
            declared.add(type.substring(type.lastIndexOf('.') + 1));
        }
        List<String> actual = java.util.Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).toList();
        return declared.equals(actual);
    }
}
