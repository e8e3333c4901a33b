package org.sferum.sdk.core.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.links.Link;
import org.sferum.sdk.spi.TokenSet;
import org.sferum.sdk.spi.TokenStore;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.SchoolAccountId;
import org.sferum.sdk.users.UserId;

/** One link per account and one per profile: a conflict leaves the existing link and tokens untouched (F-LINK-01). */
class LinkConflictTest extends LinkingFixture {

    @Test
    @DisplayName("F-LINK-01 starting for a linked account is ACCOUNT_ALREADY_LINKED and sends nothing")
    void linkedAtStart() {
        Link existing = link(ACCOUNT, Role.TEACHER);
        TokenSet tokens = tokenStore.get(ACCOUNT).orElseThrow();
        int sent = vkId.requests.size();

        assertInstanceOf(ConflictException.class,
                refused(ErrorCode.ACCOUNT_ALREADY_LINKED, () -> links().start(ACCOUNT, Role.STUDENT)));

        assertEquals(sent, vkId.requests.size());
        assertEquals(existing, linkStore.findByAccount(ACCOUNT).orElseThrow());
        assertEquals(tokens, tokenStore.get(ACCOUNT).orElseThrow());
    }

    @Test
    @DisplayName("F-LINK-01 completing for an account linked meanwhile is ACCOUNT_ALREADY_LINKED before the code is"
            + " exchanged")
    void linkedAtComplete() {
        Map<String, String> first = callback(ACCOUNT, Role.TEACHER);
        Link existing = link(ACCOUNT, Role.STUDENT);
        TokenSet tokens = tokenStore.get(ACCOUNT).orElseThrow();
        int exchanges = vkId.to("/oauth2/auth").size();

        refused(ErrorCode.ACCOUNT_ALREADY_LINKED, () -> links().complete(first));

        assertEquals(exchanges, vkId.to("/oauth2/auth").size(), "the code is not exchanged");
        assertEquals(existing, linkStore.findByAccount(ACCOUNT).orElseThrow());
        assertEquals(tokens, tokenStore.get(ACCOUNT).orElseThrow());
    }

    @Test
    @DisplayName("F-LINK-01 a profile linked to another account is PROFILE_ALREADY_LINKED: the store's conflict"
            + " propagates, nothing else is written and the new tokens are revoked")
    void profileLinkedElsewhere() {
        Link existing = link(OTHER, Role.TEACHER);
        TokenSet tokens = tokenStore.get(OTHER).orElseThrow();

        Map<String, String> callback = callback(ACCOUNT, Role.TEACHER);
        refused(ErrorCode.PROFILE_ALREADY_LINKED, () -> links().complete(callback));

        assertTrue(linkStore.findByAccount(ACCOUNT).isEmpty());
        assertTrue(tokenStore.get(ACCOUNT).isEmpty());
        assertEquals(existing, linkStore.findByUser(UserId.of(FakeVkId.USER)).orElseThrow());
        assertEquals(tokens, tokenStore.get(OTHER).orElseThrow());
        assertEquals(1, vkId.revoked.size(), "the refused linking's tokens are revoked");
        assertFalse(vkId.revoked.contains(tokens.accessToken().secret()), "not the existing link's");
        client().session(OTHER).me();
    }

    @Test
    @DisplayName("F-LINK-11 a token store that fails leaves no link behind")
    void tokenStoreFails() {
        useClient(builder().tokenStore(new TokenStore() {
            @Override
            public void put(SchoolAccountId account, TokenSet set) {
                throw new IllegalStateException("disk full");
            }

            @Override
            public Optional<TokenSet> get(SchoolAccountId account) {
                return Optional.empty();
            }

            @Override
            public void remove(SchoolAccountId account) {
            }
        }).build());
        Map<String, String> callback = callback(ACCOUNT, Role.TEACHER);
        assertEquals("disk full", assertThrows(IllegalStateException.class,
                () -> links().complete(callback)).getMessage());
        assertTrue(linkStore.findByAccount(ACCOUNT).isEmpty());
        assertEquals(1, vkId.revoked.size());
    }
}
