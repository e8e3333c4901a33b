package org.sferum.sdk.core.account;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.sferum.sdk.contacts.Contacts;
import org.sferum.sdk.core.wire.Json;
import org.sferum.sdk.core.wire.TokenSource;
import org.sferum.sdk.core.wire.VkApi;
import org.sferum.sdk.core.wire.VkRequest;
import org.sferum.sdk.core.wire.VkResult;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.internal.Cursors;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageCursor;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.UserId;

/**
 * {@link Contacts} over the VK API: {@code friends.get} with {@code fields} and {@code order=name}, which the
 * Sferum service answers with the user's educational contacts ({@code docs/wire/chats-direct.md}). The cursor is
 * the offset of the next page.
 */
public final class WireContacts implements Contacts {
    private static final String SCOPE = "contacts";

    private final VkApi api;
    private final TokenSource token;

    /**
     * Creates the client.
     *
     * @param api the caller
     * @param token where the token of these calls comes from
     */
    public WireContacts(VkApi api, TokenSource token) {
        this.api = Objects.requireNonNull(api, "api");
        this.token = Objects.requireNonNull(token, "token");
    }

    @Override
    public Page<Person> list(PageRequest page) {
        Checks.notNull(page, "page request");
        long offset = page.cursor().isPresent() ? Cursors.decode("o", SCOPE, 0, page.cursor().get()) : 0;
        VkResult result = api.call(token, VkRequest.idempotent("friends.get")
                .param("order", "name")
                .param("offset", offset)
                .param("count", page.size())
                .param("fields", "first_name,last_name"));
        JsonNode items = result.response().get("items");
        if (items == null || !items.isArray()) {
            throw result.malformed("has no items list");
        }
        List<Person> people = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            long id = Json.longOr(item, "id", 0);
            if (id <= 0) {
                throw result.malformed("has a contact without a valid id");
            }
            people.add(new Person(UserId.of(id), Json.text(item, "first_name", ""), Json.text(item, "last_name", "")));
        }
        long count = Json.longOr(result.response(), "count", -1);
        long next = offset + people.size();
        boolean more = count >= 0 ? next < count : people.size() == page.size();
        Optional<PageCursor> cursor = more && !people.isEmpty() ? Optional.of(Cursors.encode("o", SCOPE, next))
                : Optional.empty();
        return new Page<>(people, cursor, count >= 0 ? OptionalLong.of(count) : OptionalLong.empty());
    }
}
