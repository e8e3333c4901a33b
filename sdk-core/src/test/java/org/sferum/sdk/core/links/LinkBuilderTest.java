package org.sferum.sdk.core.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.IdTokenKeys;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.spi.LinkStore;
import org.sferum.sdk.spi.TokenStore;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.SchoolAccountId;

/** The builder's linking settings: application, stores (set or discovered), ID token keys (F-LINK-11). */
class LinkBuilderTest extends LinkingFixture {
    @TempDir
    Path services;

    private SferumClient.Builder bare() {
        return SferumClient.builder().endpoints(Endpoints.emulator(FakeVkId.BASE)).transport(vkId);
    }

    @Test
    @DisplayName("F-LINK-11 without application(...) links() and session(account) say which builder method to call")
    void applicationRequired() {
        SferumClient client = bare().discoverPlugins(false).build();
        for (Runnable call : new Runnable[] {client::links, () -> client.session(SchoolAccountId.of("a"))}) {
            IllegalStateException e = assertThrows(IllegalStateException.class, call::run);
            assertTrue(e.getMessage().contains("application(clientId, redirectUri)"), e.getMessage());
        }
    }

    @Test
    @DisplayName("F-LINK-11 the application, keys and issuer are checked")
    void checks() {
        SferumClient.Builder b = bare();
        assertThrows(ValidationException.class, () -> b.application(null, FakeVkId.REDIRECT));
        assertThrows(ValidationException.class, () -> b.application("", FakeVkId.REDIRECT));
        assertThrows(ValidationException.class, () -> b.application("a b", FakeVkId.REDIRECT));
        assertThrows(ValidationException.class, () -> b.application("1", URI.create("/callback")));
        assertThrows(ValidationException.class, () -> b.application("1", URI.create("https://s.test/cb#x")));
        assertThrows(ValidationException.class, () -> b.idTokenIssuer(" "));
        assertThrows(ValidationException.class, () -> IdTokenKeys.jwks(URI.create("/jwks.json")));
        assertThrows(ValidationException.class, () -> IdTokenKeys.jwks(URI.create("ftp://h/jwks.json")));
        ValidationException e = assertThrows(ValidationException.class, () -> IdTokenKeys.of("{not json"));
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.code());
        assertThrows(ValidationException.class, () -> IdTokenKeys.of("{\"keys\":[]}"));
        String withPrivate = "{\"keys\":[" + vkId.key.toJSONString() + "]}";
        assertTrue(IdTokenKeys.of(withPrivate).toString().contains("1 configured keys"));
        assertTrue(IdTokenKeys.none().toString().contains("public_info"));
    }

    @Test
    @DisplayName("F-LINK-11 the issuer can be set; a token of the default issuer is then refused")
    void issuerSetting() {
        useClient(builder().idTokenIssuer("https://id.vk.com").build());
        Map<String, String> callback = callback(ACCOUNT, Role.TEACHER);
        refused(ErrorCode.ID_TOKEN_ISSUER_MISMATCH, () -> links().complete(callback));
        vkId.claims = c -> c.issuer("https://id.vk.com");
        link(ACCOUNT, Role.TEACHER);
    }

    @Test
    @DisplayName("F-LINK-11 the stores default to new in-memory ones, or the builder's")
    void defaultStores() {
        SferumClient client = bare().discoverPlugins(false).build();
        SferumClient another = bare().discoverPlugins(false).build();
        assertNotSame(client.linkStore(), another.linkStore());
        assertNotSame(client.tokenStore(), another.tokenStore());
        assertSame(linkStore, client().linkStore());
        assertSame(tokenStore, client().tokenStore());
        SferumClient found = withServices(Map.of(), () -> bare().build());
        assertInstanceOf(LinkStore.inMemory().getClass(), found.linkStore());
    }

    @Test
    @DisplayName("F-EMB-03 one store declared as a service is used when discovery is on")
    void discovered() {
        Map<String, String> declared = Map.of(
                LinkStore.class.getName(), TestStores.FoundLinkStore.class.getName(),
                TokenStore.class.getName(), TestStores.FoundTokenStore.class.getName());
        SferumClient client = withServices(declared, () -> bare().build());
        assertInstanceOf(TestStores.FoundLinkStore.class, client.linkStore());
        assertInstanceOf(TestStores.FoundTokenStore.class, client.tokenStore());

        SferumClient off = withServices(declared, () -> bare().discoverPlugins(false).build());
        assertFalse(off.linkStore() instanceof TestStores.FoundLinkStore);
        SferumClient set = withServices(declared, () -> bare().linkStore(linkStore).build());
        assertSame(linkStore, set.linkStore());
        assertInstanceOf(TestStores.FoundTokenStore.class, set.tokenStore());
    }

    @Test
    @DisplayName("F-EMB-03 two link stores declared as services are refused, naming both")
    void ambiguous() {
        Map<String, String> declared = Map.of(LinkStore.class.getName(),
                TestStores.FoundLinkStore.class.getName() + "\n" + TestStores.OtherLinkStore.class.getName());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> withServices(declared, () -> bare().build()));
        assertTrue(e.getMessage().contains(TestStores.FoundLinkStore.class.getName())
                && e.getMessage().contains(TestStores.OtherLinkStore.class.getName())
                && e.getMessage().contains("linkStore("), e.getMessage());
        assertSame(linkStore, withServices(declared, () -> bare().linkStore(linkStore).build()).linkStore());
    }

    @Test
    @DisplayName("F-LINK-11 a closed client refuses links() and account sessions")
    void closed() {
        link(ACCOUNT, Role.TEACHER);
        client().close();
        assertThrows(IllegalStateException.class, () -> client().links());
        assertThrows(IllegalStateException.class, () -> client().session(ACCOUNT));
    }

    /** Builds with a context class loader that declares the given services. */
    private <T> T withServices(Map<String, String> declared, Supplier<T> build) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try {
            Path dir = Files.createDirectories(services.resolve("META-INF/services"));
            for (Map.Entry<String, String> service : declared.entrySet()) {
                Files.writeString(dir.resolve(service.getKey()), service.getValue() + "\n", StandardCharsets.UTF_8);
            }
            try (URLClassLoader loader = new URLClassLoader(new URL[] {services.toUri().toURL()}, previous)) {
                thread.setContextClassLoader(loader);
                return build.get();
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
