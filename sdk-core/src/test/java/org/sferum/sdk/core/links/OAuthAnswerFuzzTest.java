package org.sferum.sdk.core.links;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.sferum.sdk.core.fuzz.JsonMutator;
import org.sferum.sdk.core.wire.Json;
import org.sferum.sdk.error.SferumException;

/**
 * Fuzzes the readers of VK ID's OAuth answers (issue 12): the token endpoint's grant ({@code TokenGrant.read}) and
 * its refusals ({@code OAuthErrors}), fed valid answers mutated by {@link JsonMutator}. Only
 * {@link SferumException}s come out.
 */
class OAuthAnswerFuzzTest {
    private static final String GRANT = "{\"access_token\":\"vk2.a.TOKENvalue_abcdefghijklmnopqrstuvwxyz\","
            + "\"refresh_token\":\"vk2.r.REFRESH\",\"id_token\":\"eyJhbGciOiJSUzI1NiJ9.e30.c2ln\","
            + "\"token_type\":\"Bearer\",\"expires_in\":3600,\"user_id\":100001,\"state\":\"s1\",\"scope\":\"vkid\"}";
    private static final String REFUSAL = "{\"error\":\"invalid_grant\",\"error_reason\":\"refresh_token_reused\","
            + "\"error_description\":\"The refresh token was already used\",\"state\":\"s1\"}";

    @Property(tries = 600, seed = "20261206")
    void grantsAndRefusalsThrowOnlySferumExceptions(@ForAll long seed) {
        JsonNode grant = parsed(JsonMutator.mutate(GRANT, seed));
        JsonNode refusal = parsed(JsonMutator.mutate(REFUSAL, seed));
        try {
            TokenGrant.read(new OAuthHttp.Reply(grant, "req-1"), Instant.parse("2026-09-01T06:00:00Z"));
        } catch (SferumException expected) {
            // a typed refusal of a hostile answer
        }
        for (OAuthErrors.Request request : OAuthErrors.Request.values()) {
            SferumException built = OAuthErrors.exception(request, "oauth2/auth", refusal, "req-1");
            if (built == null) {
                throw new AssertionError("no exception for " + refusal);
            }
        }
        OAuthErrors.callbackRefused(Json.text(refusal, "error", null));
    }

    /** The body as the transport layer hands it on: a JSON object, or an empty one when it is not. */
    private static JsonNode parsed(byte[] body) {
        try {
            JsonNode node = Json.parse(body);
            return node != null && node.isObject() ? node : Json.MAPPER.createObjectNode();
        } catch (java.io.IOException e) {
            return Json.MAPPER.createObjectNode();
        }
    }
}
