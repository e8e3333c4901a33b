package org.sferum.sdk.core.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.spi.TokenSet;
import org.sferum.sdk.users.Role;

/** Unlinking (F-LINK-07): after the user's confirmation, leave the chats, revoke the tokens, remove the link. */
class UnlinkTest extends LinkingFixture {

    @Test
    @DisplayName("F-LINK-07 without the user's confirmation nothing is done (CONFIRMATION_REQUIRED)")
    void confirmationRequired() {
        link(ACCOUNT, Role.TEACHER);
        int sent = vkId.requests.size();
        assertInstanceOf(ValidationException.class,
                refused(ErrorCode.CONFIRMATION_REQUIRED, () -> links().unlink(ACCOUNT, false)));
        assertEquals(sent, vkId.requests.size());
        assertTrue(links().find(ACCOUNT).isPresent());
        assertTrue(tokenStore.get(ACCOUNT).isPresent());
    }

    @Test
    @DisplayName("F-LINK-07 an account that is not linked is NOT_LINKED")
    void notLinked() {
        assertInstanceOf(NotFoundException.class, refused(ErrorCode.NOT_LINKED, () -> links().unlink(ACCOUNT, true)));
        assertTrue(vkId.requests.isEmpty());
    }

    @Test
    @DisplayName("F-LINK-07 unlinking leaves every group chat (all pages, archived too), revokes the tokens, removes"
            + " tokens and link; the account can link again")
    void leavesRevokesRemoves() {
        vkId.chats = LongStream.rangeClosed(1, 205).boxed().collect(Collectors.toList());
        vkId.archived = List.of(300L);
        link(ACCOUNT, Role.TEACHER);
        TokenSet tokens = tokenStore.get(ACCOUNT).orElseThrow();

        links().unlink(ACCOUNT, true);

        List<Long> left = new ArrayList<>();
        for (long[] removal : vkId.removed) {
            assertEquals(FakeVkId.USER, removal[1], "member_id is the user's own id");
            left.add(removal[0]);
        }
        List<Long> expected = new ArrayList<>(vkId.chats);
        expected.add(300L);
        assertEquals(expected, left, "every chat the user is in, once; not the chat already left, not a dialog");
        assertEquals(List.of(tokens.accessToken().secret()), vkId.revoked);
        assertEquals(FakeVkId.CLIENT_ID, FakeVkId.params(vkId.to("/oauth2/revoke").get(0)).get("client_id"));
        List<String> order = vkId.requests.stream().map(r -> r.uri().getPath()).distinct().toList();
        assertTrue(order.indexOf("/method/messages.removeChatUser") < order.indexOf("/oauth2/revoke"), order.toString());
        List<Map<String, String>> pages = vkId.to("/method/messages.getConversations").stream()
                .map(FakeVkId::params).toList();
        assertEquals(List.of("0/all", "200/all", "0/archive"), pages.stream()
                .map(p -> p.get("offset") + "/" + p.get("filter")).toList());
        assertTrue(links().find(ACCOUNT).isEmpty());
        assertTrue(tokenStore.get(ACCOUNT).isEmpty());

        link(ACCOUNT, Role.TEACHER);
        assertTrue(links().find(ACCOUNT).isPresent());
    }

    @Test
    @DisplayName("F-LINK-07 a service without messages.removeChatUser (VK error 3) is logged and skipped")
    void removeChatUserUnknown() {
        vkId.chats = List.of(1L, 2L);
        vkId.removeChatUserKnown = false;
        link(ACCOUNT, Role.TEACHER);
        links().unlink(ACCOUNT, true);
        assertEquals(1, vkId.to("/method/messages.removeChatUser").size(), "not tried for every chat");
        assertEquals(1, vkId.revoked.size());
        assertTrue(links().find(ACCOUNT).isEmpty());
        assertTrue(tokenStore.get(ACCOUNT).isEmpty());
    }

    @Test
    @DisplayName("F-LINK-07 a link whose tokens are already invalid is removed all the same")
    void tokensAlreadyInvalid() {
        vkId.chats = List.of(1L);
        link(ACCOUNT, Role.TEACHER);
        vkId.invalidateAll();

        links().unlink(ACCOUNT, true);

        assertTrue(vkId.removed.isEmpty());
        assertEquals(1, vkId.refreshes.get(), "one refresh was tried after VK error 5, and refused");
        assertTrue(vkId.to("/oauth2/revoke").isEmpty(), "nothing left to revoke");
        assertTrue(links().find(ACCOUNT).isEmpty());
        assertTrue(tokenStore.get(ACCOUNT).isEmpty());
    }

    @Test
    @DisplayName("F-LINK-07 a revocation refused as invalid_token does not stop the unlinking")
    void revokeRefused() {
        link(ACCOUNT, Role.TEACHER);
        vkId.once("/oauth2/revoke", (r, p) -> FakeVkId.oauthError("invalid_token", null, "bad token"));
        links().unlink(ACCOUNT, true);
        assertTrue(links().find(ACCOUNT).isEmpty());
    }

    @Test
    @DisplayName("F-LINK-07 a transient failure stops the unlinking before anything is removed; it can be retried")
    void transientFailure() {
        link(ACCOUNT, Role.TEACHER);
        vkId.once("/method/messages.getConversations", (r, p) -> FakeVkId.json(503, "busy"));
        refused(ErrorCode.SERVICE_UNAVAILABLE, () -> links().unlink(ACCOUNT, true));
        assertTrue(links().find(ACCOUNT).isPresent());
        assertTrue(tokenStore.get(ACCOUNT).isPresent());

        vkId.once("/oauth2/revoke", (r, p) -> {
            throw new java.net.SocketTimeoutException("read timed out");
        });
        refused(ErrorCode.TRANSPORT_FAILURE, () -> links().unlink(ACCOUNT, true));
        assertTrue(links().find(ACCOUNT).isPresent());

        links().unlink(ACCOUNT, true);
        assertTrue(links().find(ACCOUNT).isEmpty());
    }

    @Test
    @DisplayName("F-LINK-07 a link without stored tokens is removed without remote steps")
    void noTokens() {
        link(ACCOUNT, Role.TEACHER);
        tokenStore.remove(ACCOUNT);
        int sent = vkId.requests.size();
        links().unlink(ACCOUNT, true);
        assertEquals(sent, vkId.requests.size());
        assertTrue(links().find(ACCOUNT).isEmpty());
    }
}
