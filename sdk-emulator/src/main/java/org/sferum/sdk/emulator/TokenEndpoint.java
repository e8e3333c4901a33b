package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.testkit.engine.vkid.VkIdService;
import org.sferum.sdk.testkit.engine.vkid.VkIdService.TokenGrant;

/**
 * {@code POST /oauth2/auth}, VK ID's token endpoint ({@code docs/wire/vk-id.md}): the authorization-code and the
 * refresh-token grants, answered without an envelope; refusals as {@link OAuthFailure}s with {@code error_reason}.
 */
final class TokenEndpoint {
    private final VkIdService vkId;
    private final IdTokens idTokens;

    /**
     * Creates the endpoint.
     *
     * @param vkId the engine's VK ID
     * @param idTokens signs the ID tokens
     */
    TokenEndpoint(VkIdService vkId, IdTokens idTokens) {
        this.vkId = vkId;
        this.idTokens = idTokens;
    }

    /**
     * Answers a token request.
     *
     * @param params the query and form parameters, merged (form wins)
     * @return the success body
     * @throws OAuthFailure for a refused request
     */
    ObjectNode answer(Map<String, String> params) {
        String grantType = OAuthParams.required(params, "grant_type");
        TokenGrant grant;
        boolean codeGrant;
        try {
            switch (grantType) {
                case "authorization_code":
                    codeGrant = true;
                    grant = vkId.exchangeCode(OAuthParams.required(params, "client_id"),
                            OAuthParams.required(params, "code"), OAuthParams.required(params, "code_verifier"),
                            OAuthParams.required(params, "redirect_uri"), OAuthParams.required(params, "device_id"));
                    break;
                case "refresh_token":
                    codeGrant = false;
                    grant = vkId.refresh(OAuthParams.required(params, "client_id"),
                            OAuthParams.required(params, "refresh_token"), OAuthParams.required(params, "device_id"));
                    break;
                default:
                    throw new OAuthFailure("unsupported_grant_type", "unsupported_grant_type",
                            "grant_type must be authorization_code or refresh_token");
            }
        } catch (SferumException e) {
            throw OAuthRefusals.ofGrant(e);
        }
        ObjectNode body = JsonNodes.object();
        body.put("access_token", grant.accessToken());
        body.put("refresh_token", grant.refreshToken());
        if (codeGrant) {
            grant.idToken().ifPresent(claims -> body.put("id_token", idTokens.sign(claims)));
        }
        body.put("token_type", "Bearer");
        body.put("expires_in", grant.expiresIn());
        body.put("user_id", grant.user().value());
        OAuthParams.optional(params, "state").ifPresent(state -> body.put("state", state));
        body.put("scope", grant.scope());
        return body;
    }
}
