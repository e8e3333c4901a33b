package org.sferum.sdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.Capability;
import org.sferum.sdk.SferumSession;
import org.sferum.sdk.calls.CallId;
import org.sferum.sdk.chats.ChatFilter;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatSettings;
import org.sferum.sdk.chats.NewChat;
import org.sferum.sdk.core.transport.Transport;
import org.sferum.sdk.core.transport.TransportRequest;
import org.sferum.sdk.core.wire.WireRoutes;
import org.sferum.sdk.error.UnsupportedCapabilityException;
import org.sferum.sdk.internal.Backend;
import org.sferum.sdk.internal.OperationTable;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.SchoolAccountId;

/** F-EMB-08: the endpoints tell the truth, and every operation they cannot carry is refused before the network. */
class CapabilityGuardTest {
    /** A transport that fails the test if anything reaches it. */
    private static final Transport NO_NETWORK = request -> fail("sent " + ScriptedTransport.method(request)
            + " although its capability is missing");

    private static SferumClient client(Endpoints endpoints) {
        return SferumClient.builder().endpoints(endpoints).transport(NO_NETWORK)
                .application("51000000", URI.create("https://school.example/cb")).discoverPlugins(false).build();
    }

    @Test
    @DisplayName("F-EMB-08 vk(), withPartner, emulator and max() offer what their wire carries, by name")
    void endpointsTellTheTruth() {
        assertEquals(Backend.VK_API, Endpoints.vk().capabilities());
        assertEquals("VK API", Endpoints.vk().backend());
        Endpoints partner = Endpoints.vk().withPartner(URI.create("https://partner.example"),
                PartnerCredentials.of("partner-key-123"));
        assertEquals(Backend.IMPLEMENTED, partner.capabilities());
        assertEquals("VK API + partner contract", partner.backend());
        assertFalse(partner.toString().contains("partner-key-123"));
        assertEquals(Backend.IMPLEMENTED, Endpoints.emulator(URI.create("http://127.0.0.1:1")).capabilities());
        Endpoints max = Endpoints.max(AccessToken.of("max-bot-token-secret"));
        assertEquals(Backend.MAX_BOT_API, max.capabilities());
        assertEquals("MAX Bot API", max.backend());
        assertFalse(max.toString().contains("max-bot-token-secret"));
        assertThrows(IllegalStateException.class,
                () -> Endpoints.emulator(URI.create("http://127.0.0.1:1")).withPartner(URI.create("http://p.test"),
                        PartnerCredentials.of("partner-key-123")));
        try (SferumClient client = client(Endpoints.vk())) {
            assertEquals(Backend.VK_API, client.capabilities());
            assertEquals("VK API", client.backend());
        }
    }

    @Test
    @DisplayName("F-EMB-08 on vk() every operation of a partner capability throws before any request, by reflection")
    void everyPartnerOperationRefusedBeforeTheNetwork() throws Exception {
        int refused = 0;
        try (SferumClient client = client(Endpoints.vk())) {
            SferumSession session = client.session(AccessToken.of(TestClients.TOKEN));
            refused = refuseEvery(session, Backend.VK_API, "VK API", "withPartner");
            UnsupportedCapabilityException settings = assertThrows(UnsupportedCapabilityException.class,
                    () -> session.chats().create(NewChat.of("5в", Set.of()).withSettings(ChatSettings.announcement())));
            assertEquals(Capability.CHAT_SETTINGS, settings.capability());
            assertEquals(Capability.ROSTER,
                    assertThrows(UnsupportedCapabilityException.class, client::roster).capability());
        }
        assertEquals(38, refused, "7 of Chats, 2 of Messages, 12 of Calls, 10 of CallParticipants, 7 of CallRecordings");
    }

    /**
     * Calls, by reflection with null arguments, every operation of the session's parts that needs a capability
     * outside {@code offered}, and checks that each throws the refusal (the transport fails the test if reached).
     */
    private static int refuseEvery(SferumSession session, Set<Capability> offered, String backend, String hint)
            throws IllegalAccessException {
        int refused = 0;
        Map<Class<?>, Object> faces = Map.of(org.sferum.sdk.chats.Chats.class, session.chats(),
                org.sferum.sdk.messages.Messages.class, session.messages(),
                org.sferum.sdk.calls.Calls.class, session.calls(),
                org.sferum.sdk.calls.CallParticipants.class, session.calls().participants(),
                org.sferum.sdk.calls.CallRecordings.class, session.calls().recordings());
        for (Map.Entry<Class<?>, Object> face : faces.entrySet()) {
            for (Method method : face.getKey().getDeclaredMethods()) {
                if (Modifier.isStatic(method.getModifiers()) || Modifier.isPrivate(method.getModifiers())
                        || method.isSynthetic()) {
                    continue;
                }
                List<Capability> needs = OperationTable.of(face.getKey(), method, null);
                if (needs.isEmpty() || offered.containsAll(needs)) {
                    continue;
                }
                Object[] nulls = new Object[method.getParameterCount()];
                for (int i = 0; i < nulls.length; i++) {
                    Class<?> type = method.getParameterTypes()[i];
                    nulls[i] = type == boolean.class ? Boolean.FALSE : type.isPrimitive() ? 0 : null;
                }
                try {
                    method.invoke(face.getValue(), nulls);
                    fail(method + " was not refused");
                } catch (InvocationTargetException e) {
                    UnsupportedCapabilityException refusal = assertInstanceOf(
                            UnsupportedCapabilityException.class, e.getCause(), method.toString());
                    assertEquals(needs.get(0), refusal.capability());
                    assertEquals(backend, refusal.backend());
                    assertTrue(refusal.getMessage().contains(hint), refusal.getMessage());
                    refused++;
                }
            }
        }
        return refused;
    }

    @Test
    @DisplayName("F-EMB-08 the MAX backend offers BOT_MESSAGING, ATTACHMENTS and EVENTS; everything else is refused before anything is sent, naming MAX")
    void maxOffersBotMessaging() throws Exception {
        try (SferumClient client = client(Endpoints.max(AccessToken.of("max-bot-token-secret")))) {
            assertEquals(EnumSet.of(Capability.BOT_MESSAGING, Capability.ATTACHMENTS, Capability.EVENTS),
                    client.capabilities());
            assertEquals("MAX Bot API", client.backend());
            SferumSession session = client.session(AccessToken.of("max-bot-token-secret"));
            assertEquals(56, refuseEvery(session, Backend.MAX_BOT_API, "MAX Bot API", "Endpoints.vk()"),
                    "20 of Chats, 7 of Messages, 12 of Calls, 10 of CallParticipants, 7 of CallRecordings");
            UnsupportedCapabilityException create = assertThrows(UnsupportedCapabilityException.class,
                    () -> session.chats().create(NewChat.of("5в", Set.of())));
            assertEquals(Capability.CHAT_ADMIN, create.capability());
            assertEquals("MAX Bot API", create.backend());
            assertTrue(create.getMessage().contains("create a chat"), create.getMessage());
            assertTrue(create.getMessage().contains("Endpoints.vk()"), create.getMessage());
            assertFalse(create.getMessage().contains("max-bot-token-secret"));
            assertEquals(Capability.MESSAGING, assertThrows(UnsupportedCapabilityException.class,
                    () -> session.messages().search(ChatId.group(1), "дз", org.sferum.sdk.paging.PageRequest.first()))
                    .capability());
            assertEquals(Capability.MESSAGING, assertThrows(UnsupportedCapabilityException.class,
                    () -> session.chats().list(ChatFilter.ALL, org.sferum.sdk.paging.PageRequest.first())).capability());
            assertEquals(Capability.LINKING, assertThrows(UnsupportedCapabilityException.class,
                    () -> client.session(SchoolAccountId.of("school-1:teacher-1"))).capability());
            assertThrows(UnsupportedCapabilityException.class, client::links);
            UnsupportedCapabilityException call = assertThrows(UnsupportedCapabilityException.class,
                    () -> session.calls().endForAll(new CallId("c1")));
            assertTrue(call.getMessage().contains("calls"), call.getMessage());
            assertEquals(Capability.POLLS, assertThrows(UnsupportedCapabilityException.class,
                    () -> session.attachments().createPoll("Контрольная?", java.util.List.of("да", "нет"), false))
                    .capability());
        }
    }


    @Test
    @DisplayName("F-EMB-08 withPartner sends partner methods to the partner with its key, VK methods to VK without")
    void partnerRouting() {
        ScriptedTransport transport = new ScriptedTransport().ok("{\"items\":[],\"count\":0}")
                .ok("{\"items\":[],\"count\":0}");
        Endpoints endpoints = Endpoints.vk().withPartner(URI.create("https://partner.example/sferum/"),
                PartnerCredentials.of("partner-key-123"));
        try (SferumClient client = SferumClient.builder().endpoints(endpoints).transport(transport)
                .discoverPlugins(false).build()) {
            SferumSession session = client.session(AccessToken.of(TestClients.TOKEN));
            session.calls().list(org.sferum.sdk.paging.PageRequest.first());
            session.messages().history(ChatId.group(1), org.sferum.sdk.messages.HistoryQuery.newestFirst(5));
        }
        TransportRequest partner = transport.requests.get(0);
        assertEquals(URI.create("https://partner.example/sferum/method/calls.list"), partner.uri());
        assertEquals(List.of("partner-key-123"), header(partner, WireRoutes.PARTNER_KEY_HEADER));
        TransportRequest vk = transport.requests.get(1);
        assertEquals(URI.create("https://api.vk.ru/method/messages.getHistory"), vk.uri());
        assertEquals(List.of(), header(vk, WireRoutes.PARTNER_KEY_HEADER));
    }

    private static List<String> header(TransportRequest request, String name) {
        return request.headers().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .flatMap(h -> h.getValue().stream()).toList();
    }
}
