package org.sferum.sdk.core.users;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.sferum.sdk.core.wire.Json;
import org.sferum.sdk.core.wire.TokenSource;
import org.sferum.sdk.core.wire.VkApi;
import org.sferum.sdk.core.wire.VkRequest;
import org.sferum.sdk.core.wire.VkResult;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.UserId;

/**
 * Reads educational profiles with {@code users.get}. The session's own profile is fetched once and kept: it does
 * not change while a token is valid.
 */
public final class WireUsers {
    private final VkApi api;
    private final TokenSource token;
    private volatile Person me;

    /**
     * Creates the reader.
     *
     * @param api the caller
     * @param token where the token of these calls comes from
     */
    public WireUsers(VkApi api, TokenSource token) {
        this.api = Objects.requireNonNull(api, "api");
        this.token = Objects.requireNonNull(token, "token");
    }

    /**
     * Returns the token's user, asking the service on the first call only.
     *
     * @return the user's educational profile
     */
    public Person me() {
        Person known = me;
        if (known == null) {
            VkResult result = api.call(token, VkRequest.idempotent("users.get"));
            Map<UserId, Person> people = decode(result);
            if (people.isEmpty()) {
                throw result.malformed("holds no user");
            }
            known = people.values().iterator().next();
            me = known;
        }
        return known;
    }

    /**
     * Returns the profiles of some users, in one call. Users the service does not return are left out.
     *
     * @param users the users
     * @return their profiles by id
     */
    public Map<UserId, Person> people(Collection<UserId> users) {
        if (users.isEmpty()) {
            return Map.of();
        }
        return decode(api.call(token, VkRequest.idempotent("users.get").param("user_ids",
                users.stream().map(UserId::value).distinct().toList())));
    }

    private static Map<UserId, Person> decode(VkResult result) {
        JsonNode items = result.response();
        if (!items.isArray()) {
            throw result.malformed("is not a list of users");
        }
        Map<UserId, Person> out = new LinkedHashMap<>();
        for (JsonNode item : items) {
            long id = Json.longOr(item, "id", 0);
            if (id <= 0) {
                throw result.malformed("has a user without a valid id");
            }
            UserId user = UserId.of(id);
            out.put(user, new Person(user, Json.text(item, "first_name", ""), Json.text(item, "last_name", "")));
        }
        return out;
    }
}
