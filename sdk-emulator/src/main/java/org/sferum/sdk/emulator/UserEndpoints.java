package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.testkit.engine.vkid.VkIdService;
import org.sferum.sdk.testkit.engine.vkid.VkIdService.ProfileInfo;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.UserId;

/**
 * VK ID's other {@code /oauth2/*} endpoints ({@code docs/wire/vk-id.md}, "Other endpoints"): {@code user_info},
 * {@code public_info}, {@code logout} and {@code revoke}. They show the educational profile only (F-LINK-08).
 */
final class UserEndpoints {
    /** The avatar every profile shows: VK's placeholder picture. */
    static final String AVATAR = "https://vk.com/images/camera_200.png";

    private final PlatformEngine engine;
    private final VkIdService vkId;
    private final IdTokens idTokens;

    /**
     * Creates the endpoints.
     *
     * @param engine the engine, for the profiles' names
     * @param idTokens checks ID tokens for {@code public_info}
     */
    UserEndpoints(PlatformEngine engine, IdTokens idTokens) {
        this.engine = engine;
        this.vkId = engine.vkId();
        this.idTokens = idTokens;
    }

    /**
     * {@code /oauth2/user_info}: the profile an access token acts for.
     *
     * @param params the parameters
     * @return {@code {"user": {...}}}
     * @throws OAuthFailure {@code invalid_token} for a bad token
     */
    ObjectNode userInfo(Map<String, String> params) {
        OAuthParams.required(params, "client_id");
        String token = OAuthParams.required(params, "access_token");
        ProfileInfo info;
        try {
            info = vkId.userInfo(token);
        } catch (SferumException e) {
            throw OAuthRefusals.ofToken(e);
        }
        ObjectNode body = JsonNodes.object();
        ObjectNode user = body.putObject("user");
        user.put("user_id", Long.toString(info.person().id().value()));
        user.put("first_name", info.person().firstName());
        user.put("last_name", info.person().lastName());
        user.put("phone", info.maskedPhone());
        user.put("avatar", AVATAR);
        user.put("sex", info.female() ? 1 : 2);
        user.put("birthday", info.birthDate());
        user.put("verified", false);
        return body;
    }

    /**
     * {@code /oauth2/public_info}: the public data of an ID token's subject, when the token is this emulator's, for
     * this client, and not expired.
     *
     * @param params the parameters
     * @return {@code {"user": {...}}}
     * @throws OAuthFailure {@code invalid_id_token} for a bad token
     */
    ObjectNode publicInfo(Map<String, String> params) {
        String clientId = OAuthParams.required(params, "client_id");
        String idToken = OAuthParams.required(params, "id_token");
        Optional<Person> person = idTokens.verify(idToken, clientId).flatMap(this::person);
        if (person.isEmpty()) {
            throw new OAuthFailure("invalid_id_token", null,
                    "the ID token is malformed, not signed by this VK ID, for another client or expired");
        }
        ObjectNode body = JsonNodes.object();
        ObjectNode user = body.putObject("user");
        user.put("user_id", Long.toString(person.get().id().value()));
        user.put("first_name", person.get().firstName());
        user.put("last_name", initial(person.get().lastName()));
        user.put("avatar", AVATAR);
        return body;
    }

    /**
     * {@code /oauth2/logout}: ends an access token.
     *
     * @param params the parameters
     * @return {@code {"response": 1}}
     * @throws OAuthFailure {@code invalid_token} for a bad token
     */
    ObjectNode logout(Map<String, String> params) {
        OAuthParams.required(params, "client_id");
        String token = OAuthParams.required(params, "access_token");
        try {
            vkId.logout(token);
        } catch (SferumException e) {
            throw OAuthRefusals.ofToken(e);
        }
        return done();
    }

    /**
     * {@code /oauth2/revoke}: ends an access token and every refresh token of its grant.
     *
     * @param params the parameters
     * @return {@code {"response": 1}}
     * @throws OAuthFailure {@code invalid_token} for a bad token
     */
    ObjectNode revoke(Map<String, String> params) {
        OAuthParams.required(params, "client_id");
        String token = OAuthParams.required(params, "access_token");
        try {
            vkId.revoke(token);
        } catch (SferumException e) {
            throw OAuthRefusals.ofToken(e);
        }
        return done();
    }

    private Optional<Person> person(String subject) {
        try {
            return Optional.of(engine.users().person(UserId.of(Long.parseLong(subject))));
        } catch (IllegalArgumentException | SferumException e) {
            return Optional.empty();
        }
    }

    private static String initial(String lastName) {
        if (lastName.isEmpty()) {
            return "";
        }
        return new String(Character.toChars(lastName.codePointAt(0))) + ".";
    }

    private static ObjectNode done() {
        ObjectNode body = JsonNodes.object();
        body.put("response", 1);
        return body;
    }
}
