package org.sferum.sdk.core.links;

import org.sferum.sdk.core.wire.Log;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.sferum.sdk.core.wire.Json;
import org.sferum.sdk.core.wire.TokenSource;
import org.sferum.sdk.core.wire.VkApi;
import org.sferum.sdk.core.wire.VkErrorCodes;
import org.sferum.sdk.core.wire.VkRequest;
import org.sferum.sdk.core.wire.VkResult;
import org.sferum.sdk.error.ErrorCategory;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.links.Link;
import org.sferum.sdk.spi.TokenStore;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.UserId;

/**
 * The remote part of unlinking (F-LINK-07): leave every group chat the user is a member of
 * ({@code messages.getConversations}, then {@code messages.removeChatUser} with the user's own id), then revoke
 * the tokens ({@code /oauth2/revoke}). A refusal because the token is no longer valid ends the remote part
 * quietly, so that a half-broken link can always be removed; a service that does not know
 * {@code messages.removeChatUser} (VK error 3) is logged and skipped; a transient failure (network, rate limit,
 * service error) is thrown, so that nothing is removed and unlinking can be tried again.
 */
final class Unlinker {
    private static final Log LOG = Log.get(Unlinker.class);
    private static final int PAGE = 200;
    private static final int MAX_PAGES = 500;
    private static final long CHAT_PEER_BASE = 2_000_000_000L;

    private final VkApi api;
    private final VkIdClient vkId;
    private final TokenRefresher refresher;
    private final TokenStore tokens;

    Unlinker(VkApi api, VkIdClient vkId, TokenRefresher refresher, TokenStore tokens) {
        this.api = Objects.requireNonNull(api, "api");
        this.vkId = Objects.requireNonNull(vkId, "vkId");
        this.refresher = Objects.requireNonNull(refresher, "refresher");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /**
     * Leaves the chats and revokes the tokens of a link.
     *
     * @param link the link
     */
    void leaveAndRevoke(Link link) {
        if (tokens.get(link.account()).isEmpty()) {
            LOG.warn("unlinking {}: no tokens are stored, so its chats are not left and nothing is revoked",
                    link.user());
            return;
        }
        TokenSource source = refresher.sourceOf(link.account());
        try {
            leaveChats(source, link.user());
        } catch (SferumException e) {
            if (!tolerated(e, "leaving the chats")) {
                throw e;
            }
            if (e.category() == ErrorCategory.AUTHENTICATION) {
                return;
            }
        }
        try {
            vkId.revoke(source.current());
        } catch (SferumException e) {
            if (!tolerated(e, "revoking the tokens")) {
                throw e;
            }
        }
    }

    /**
     * Revokes a token that will not be stored, logging a failure instead of throwing it.
     *
     * @param token the access token
     */
    void revokeQuietly(AccessToken token) {
        try {
            vkId.revoke(token);
        } catch (RuntimeException e) {
            LOG.warn("the tokens of a refused linking could not be revoked ({}); they expire on their own",
                    e instanceof SferumException ? ((SferumException) e).code() : e.getClass().getSimpleName());
        }
    }

    private void leaveChats(TokenSource source, UserId self) {
        for (long chat : memberChats(source)) {
            try {
                api.call(source, VkRequest.idempotent("messages.removeChatUser").param("chat_id", chat)
                        .param("member_id", self.value()));
            } catch (SferumException e) {
                if (e.wireCode().orElse(0) == VkErrorCodes.UNKNOWN_METHOD) {
                    LOG.warn("unlinking {}: the service does not know messages.removeChatUser; the user stays in"
                            + " their chats", self);
                    return;
                }
                if (e.isRetryable() || e.category() == ErrorCategory.AUTHENTICATION) {
                    throw e;
                }
                LOG.warn("unlinking {}: leaving chat {} was refused ({}); going on", self, chat, e.code());
            }
        }
    }

    /** Every group chat of the user, archived ones included, listed before any is left (leaving shifts pages). */
    private Set<Long> memberChats(TokenSource source) {
        Set<Long> chats = new LinkedHashSet<>();
        for (String filter : new String[] {"all", "archive"}) {
            for (int page = 0, offset = 0; page < MAX_PAGES; page++) {
                VkResult result = api.call(source, VkRequest.idempotent("messages.getConversations")
                        .param("offset", offset).param("count", PAGE).param("filter", filter));
                JsonNode items = result.response().get("items");
                if (items == null || !items.isArray() || items.isEmpty()) {
                    break;
                }
                for (JsonNode item : items) {
                    long chat = groupChat(item.get("conversation"));
                    if (chat > 0) {
                        chats.add(chat);
                    }
                }
                offset += items.size();
                if (offset >= Json.longOr(result.response(), "count", 0)) {
                    break;
                }
            }
        }
        return chats;
    }

    /** The chat id of a group chat the user is still in, else 0. */
    private static long groupChat(JsonNode conversation) {
        JsonNode peer = conversation == null ? null : conversation.get("peer");
        if (!"chat".equals(Json.text(peer, "type", null))) {
            return 0;
        }
        String state = Json.text(conversation.get("chat_settings"), "state", "in");
        if (!"in".equals(state)) {
            return 0;
        }
        long local = Json.longOr(peer, "local_id", 0);
        return local > 0 ? local : Math.max(0, Json.longOr(peer, "id", 0) - CHAT_PEER_BASE);
    }

    private static boolean tolerated(SferumException e, String step) {
        if (e.isRetryable()) {
            return false;
        }
        LOG.warn("unlinking: {} failed ({}); the link is removed all the same", step, e.code());
        return true;
    }
}
