package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.emulator.ControlRequest.Refused;
import org.sferum.sdk.testkit.engine.vkid.VkIdService;
import org.sferum.sdk.testkit.engine.vkid.VkIdService.NewProfile;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.UserId;

/**
 * The VK ID part of the control API ({@code docs/wire/vk-id.md}, "Emulator control API"): the last SMS code of a
 * phone, new VK ID accounts, new clients. The engine validates; refusals answer 400 with the engine's code.
 */
final class VkIdControl {
    private final VkIdService vkId;

    /**
     * Creates the control.
     *
     * @param vkId the engine's VK ID
     */
    VkIdControl(VkIdService vkId) {
        this.vkId = vkId;
    }

    /**
     * {@code GET /_emulator/sms?phone=…}.
     *
     * @param query the query
     * @return {@code {"phone", "code", "sent_at"}}, {@code sent_at} in Unix seconds on the engine's clock
     * @throws Refused 400 for a missing or malformed phone, 404 when no code was sent
     */
    ObjectNode sms(Map<String, String> query) {
        String phone = Optional.ofNullable(query.get("phone")).filter(p -> !p.isEmpty())
                .orElseThrow(() -> new Refused(400, "invalid_request", "phone is required"));
        Optional<VkIdService.SentSmsCode> sms;
        try {
            sms = vkId.lastSms(phone);
        } catch (SferumException e) {
            throw refused(e);
        }
        if (sms.isEmpty()) {
            throw new Refused(404, "not_found", "no SMS code was sent to this phone");
        }
        ObjectNode body = JsonNodes.object();
        body.put("phone", normalizedPhone(phone));
        body.put("code", sms.get().code());
        body.put("sent_at", sms.get().sentAt().getEpochSecond());
        return body;
    }

    /**
     * {@code POST /_emulator/vkid/accounts}.
     *
     * @param json {@code {"phone", "password"?, "profile"?}}
     * @return {@code {"phone", "user_id"?}}
     * @throws Refused 400 for a malformed request or one the engine refuses
     */
    ObjectNode createAccount(JsonNode json) {
        String phone = ControlRequest.text(json, "phone");
        Optional<String> password = ControlRequest.optionalText(json, "password");
        Optional<NewProfile> profile = json.hasNonNull("profile") ? Optional.of(profile(json.get("profile")))
                : Optional.empty();
        Optional<UserId> user;
        try {
            user = vkId.createAccount(phone, password, profile);
        } catch (SferumException e) {
            throw refused(e);
        }
        ObjectNode body = JsonNodes.object();
        body.put("phone", normalizedPhone(phone));
        user.ifPresent(id -> body.put("user_id", id.value()));
        return body;
    }

    /**
     * {@code POST /_emulator/clients}.
     *
     * @param json {@code {"client_id", "redirect_uris": [...]}}
     * @return {@code {"client_id"}}
     * @throws Refused 400 for a malformed request or one the engine refuses
     */
    ObjectNode registerClient(JsonNode json) {
        String clientId = ControlRequest.text(json, "client_id");
        JsonNode uris = json.get("redirect_uris");
        if (uris == null || !uris.isArray() || uris.isEmpty()) {
            throw new Refused(400, "invalid_request", "redirect_uris is required, as a non-empty JSON array");
        }
        List<URI> redirectUris = new ArrayList<>();
        for (JsonNode uri : uris) {
            try {
                if (!uri.isTextual()) {
                    throw new URISyntaxException(uri.toString(), "not a string");
                }
                redirectUris.add(new URI(uri.asText()));
            } catch (URISyntaxException e) {
                throw new Refused(400, "invalid_request", "each redirect URI must be a URI string");
            }
        }
        try {
            vkId.registerClient(clientId, redirectUris);
        } catch (SferumException e) {
            throw refused(e);
        }
        ObjectNode body = JsonNodes.object();
        body.put("client_id", clientId);
        return body;
    }

    private static NewProfile profile(JsonNode json) {
        if (!json.isObject()) {
            throw new Refused(400, "invalid_request", "profile must be a JSON object");
        }
        String gender = ControlRequest.text(json, "gender");
        if (!"male".equals(gender) && !"female".equals(gender)) {
            throw new Refused(400, "invalid_request", "profile.gender must be male or female");
        }
        Role role;
        try {
            role = Role.valueOf(ControlRequest.text(json, "role").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Refused(400, "invalid_request", "profile.role must be teacher, student or parent");
        }
        return new NewProfile(ControlRequest.text(json, "first_name"), ControlRequest.text(json, "last_name"),
                ControlRequest.optionalText(json, "patronymic"), ControlRequest.text(json, "birth_date"),
                "female".equals(gender), role);
    }

    /**
     * Shows a phone the engine accepted as it stores it, {@code +79XXXXXXXXX}.
     *
     * @param accepted a phone the engine accepted, in any accepted format
     * @return the phone's stored form
     */
    static String normalizedPhone(String accepted) {
        String digits = accepted.replaceAll("\\D", "");
        return digits.length() < 10 ? accepted : "+7" + digits.substring(digits.length() - 10);
    }

    private static Refused refused(SferumException e) {
        return new Refused(400, e.code().name().toLowerCase(Locale.ROOT), e.getMessage());
    }
}
