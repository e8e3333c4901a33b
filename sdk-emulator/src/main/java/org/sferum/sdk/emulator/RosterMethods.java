package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.roster.AutomaticChatKey;
import org.sferum.sdk.roster.plan.PlatformChat;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.SchoolAccountId;
import org.sferum.sdk.users.UserId;

/**
 * The partner contract's {@code roster.*} methods ({@code docs/wire/roster.md}): what VK's public API has no method
 * for in roster sync. Each is a thin adapter over the engine's {@code RosterService}, where the rules are.
 * ({@code messages.createChat} with {@code roster_key} is {@link ChatsMethods}'; {@code messages.addChatUser} and
 * {@code messages.removeChatUser} on an automatic chat go through the same service.)
 */
final class RosterMethods {
    /** The most chats one {@code roster.getChats} page holds. */
    static final int MAX_CHATS_PAGE = 1000;
    /** The most accounts one {@code roster.getLinks} or {@code roster.setPending} names. */
    static final int MAX_ACCOUNTS = 1000;

    private final PlatformEngine engine;

    RosterMethods(PlatformEngine engine) {
        this.engine = engine;
    }

    void register(Map<String, VkMethod> into) {
        into.put("roster.getChats", this::getChats);
        into.put("roster.getLinks", this::getLinks);
        into.put("roster.setPending", this::setPending);
        into.put("roster.archiveChat", this::archiveChat);
        into.put("roster.linkAccount", this::linkAccount);
        into.put("roster.unlinkAccount", this::unlinkAccount);
    }

    /** {@code roster.getChats}: the caller's (a service account's) chats, {@code offset}/{@code count} paged. */
    private JsonNode getChats(UserId caller, VkParams params) {
        int offset = params.intOr("offset", 0);
        int count = params.intOr("count", MAX_CHATS_PAGE);
        if (offset < 0 || count < 1 || count > MAX_CHATS_PAGE) {
            throw VkParams.invalid("count", "offset must not be negative and count between 1 and " + MAX_CHATS_PAGE);
        }
        List<PlatformChat> all = engine.roster().chatsOf(caller);
        ObjectNode result = JsonNodes.object();
        result.put("count", all.size());
        ArrayNode items = result.putArray("items");
        for (PlatformChat chat : all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + count))) {
            ObjectNode item = items.addObject();
            item.put("chat_id", Long.parseLong(chat.id()));
            if (chat.key() != null) {
                item.put("roster_key", chat.key().value());
            }
            item.put("archived", chat.archived());
            ArrayNode members = item.putArray("members");
            chat.members().stream().map(SchoolAccountId::value).sorted().forEach(members::add);
        }
        return result;
    }

    /** {@code roster.getLinks}: which of {@code accounts} are linked, with their user ids. */
    private JsonNode getLinks(UserId caller, VkParams params) {
        List<SchoolAccountId> accounts = accounts(params, "accounts");
        ArrayNode items = JsonNodes.object().arrayNode();
        engine.roster().linksOf(accounts).forEach((account, user) -> {
            ObjectNode item = items.addObject();
            item.put("account", account.value());
            item.put("user_id", user.value());
        });
        ObjectNode result = JsonNodes.object();
        result.put("count", items.size());
        result.set("items", items);
        return result;
    }

    /** {@code roster.setPending}: the chats ({@code roster_keys}) waiting for {@code account}; 1 if it changed. */
    private JsonNode setPending(UserId caller, VkParams params) {
        SchoolAccountId account = account(params.requiredString("account"), "account");
        List<AutomaticChatKey> keys = new ArrayList<>();
        for (String key : params.string("roster_keys").map(t -> t.split(",", -1)).orElse(new String[0])) {
            keys.add(key("roster_keys", key.strip()));
        }
        return IntNode.valueOf(engine.roster().setPending(caller, account, keys) ? 1 : 0);
    }

    /** {@code roster.archiveChat}: archives the automatic chat {@code roster_key}; 1 if it changed. */
    private JsonNode archiveChat(UserId caller, VkParams params) {
        AutomaticChatKey key = key("roster_key", params.requiredString("roster_key"));
        return IntNode.valueOf(engine.roster().archive(caller, key) ? 1 : 0);
    }

    /** {@code roster.linkAccount}: the caller has just linked {@code account} (F-LINK); its waiting chats take it. */
    private JsonNode linkAccount(UserId caller, VkParams params) {
        engine.roster().accountLinked(account(params.requiredString("account"), "account"), caller);
        return IntNode.valueOf(1);
    }

    /** {@code roster.unlinkAccount}: the caller unlinks {@code account}; it leaves its automatic chats. */
    private JsonNode unlinkAccount(UserId caller, VkParams params) {
        SchoolAccountId account = account(params.requiredString("account"), "account");
        if (!engine.roster().linksOf(List.of(account)).getOrDefault(account, caller).equals(caller)) {
            throw VkParams.invalid("account", "is linked to another user");
        }
        engine.roster().accountUnlinked(account);
        return IntNode.valueOf(1);
    }

    static AutomaticChatKey key(String name, String value) {
        try {
            return AutomaticChatKey.parse(value);
        } catch (ValidationException e) {
            throw VkParams.invalid(name, "is not an automatic chat key (year/school/class/KIND)");
        }
    }

    private static List<SchoolAccountId> accounts(VkParams params, String name) {
        List<SchoolAccountId> out = new ArrayList<>();
        for (String item : params.string(name).map(t -> t.split(",", -1)).orElse(new String[0])) {
            out.add(account(item.strip(), name));
        }
        if (out.size() > MAX_ACCOUNTS) {
            throw VkParams.invalid(name, "may name at most " + MAX_ACCOUNTS + " accounts, got " + out.size());
        }
        return out;
    }

    private static SchoolAccountId account(String value, String name) {
        try {
            return SchoolAccountId.of(value);
        } catch (ValidationException e) {
            throw VkParams.invalid(name, "is not a school account id");
        }
    }
}
