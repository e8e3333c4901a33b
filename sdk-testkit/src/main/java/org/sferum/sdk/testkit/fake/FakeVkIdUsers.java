package org.sferum.sdk.testkit.fake;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.testkit.engine.vkid.VkIdService;
import org.sferum.sdk.testkit.engine.vkid.VkIdService.AuthorizationResult;
import org.sferum.sdk.testkit.vkid.VkIdLogin;
import org.sferum.sdk.testkit.vkid.VkIdUsers;

/**
 * The fake's VK ID users: reads an authorization URI as {@code GET /authorize} does and walks the login steps
 * straight on the engine's {@link VkIdService}, so that every rule (codes, attempts, PKCE…) is the engine's. The
 * redirect back is returned as its query parameters, ready for {@code Links.complete}.
 */
public final class FakeVkIdUsers implements VkIdUsers {
    private final VkIdService service;

    /**
     * Creates the users of a VK ID.
     *
     * @param service the engine's VK ID, {@code PlatformEngine.vkId()}
     */
    public FakeVkIdUsers(VkIdService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    /**
     * {@inheritDoc}
     *
     * @throws ValidationException with {@code INVALID_ARGUMENT} when {@code response_type} is not {@code code}, or
     *     when {@link VkIdService#authorize} refuses the request
     */
    @Override
    public VkIdLogin open(URI authorizationUri) {
        Map<String, String> query = query(Objects.requireNonNull(authorizationUri, "authorizationUri"));
        String responseType = query.get("response_type");
        if (responseType != null && !responseType.equals("code")) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "response_type must be code");
        }
        String flowId = service.authorize(new VkIdService.AuthorizeRequest(query.get("client_id"),
                query.get("redirect_uri"), query.get("state"), query.get("code_challenge"),
                query.get("code_challenge_method"), query.get("scope"), Optional.ofNullable(query.get("nonce"))));
        return new Login(service, flowId);
    }

    @Override
    public Optional<String> lastSmsCode(String phone) {
        return service.lastSmsCode(phone);
    }

    @Override
    public void createAccountWithoutProfile(String phone, String password) {
        service.createAccount(phone, Optional.of(password), Optional.empty());
    }

    /**
     * Turns the end of a flow into the query parameters of the redirect back.
     *
     * @param result the end of the flow
     * @return {@code code, state, device_id, expires_in, type} or {@code error, error_description, state}
     */
    static Map<String, String> redirectQuery(AuthorizationResult result) {
        Map<String, String> query = new LinkedHashMap<>();
        if (result.code().isPresent()) {
            query.put("code", result.code().get());
            query.put("state", result.state());
            query.put("device_id", result.deviceId().orElseThrow());
            query.put("expires_in", Long.toString(result.expiresIn()));
            query.put("type", "code_v2");
        } else {
            String error = result.error().orElse("access_denied");
            query.put("error", error);
            query.put("error_description", error.equals("access_denied") ? "User denied access" : error);
            query.put("state", result.state());
        }
        return query;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.putIfAbsent(key, value);
        }
        return query;
    }

    /** One user on the pages: each step is the service's, for one flow. */
    private static final class Login implements VkIdLogin {
        private final VkIdService service;
        private final String flowId;

        Login(VkIdService service, String flowId) {
            this.service = service;
            this.flowId = flowId;
        }

        @Override
        public Step step() {
            return service.step(flowId);
        }

        @Override
        public Step enterPhone(String phone) {
            return service.enterPhone(flowId, phone);
        }

        @Override
        public Step enterPassword(String password) {
            return service.enterPassword(flowId, password);
        }

        @Override
        public Step forgotPassword() {
            return service.forgotPassword(flowId);
        }

        @Override
        public Step resetPassword(String smsCode, String newPassword) {
            return service.resetPassword(flowId, smsCode, newPassword);
        }

        @Override
        public Step enterSmsCode(String smsCode) {
            return service.enterSmsCode(flowId, smsCode);
        }

        @Override
        public Step continueInProfile() {
            return service.continueInProfile(flowId);
        }

        @Override
        public Step createProfile() {
            return service.createProfile(flowId);
        }

        @Override
        public Step aboutYou(AboutYou data) {
            return service.aboutYou(flowId, data);
        }

        @Override
        public Map<String, String> confirm() {
            return redirectQuery(service.confirm(flowId));
        }

        @Override
        public Map<String, String> cancel() {
            return redirectQuery(service.cancel(flowId));
        }

        @Override
        public String toString() {
            return "FakeVkIdLogin[flow redacted]";
        }
    }
}
