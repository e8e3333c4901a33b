package org.sferum.sdk.core.account;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sferum.sdk.core.wire.Json;
import org.sferum.sdk.core.wire.TokenSource;
import org.sferum.sdk.core.wire.VkApi;
import org.sferum.sdk.core.wire.VkRequest;
import org.sferum.sdk.core.wire.VkResult;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.notifications.NotificationSettings;
import org.sferum.sdk.notifications.Notifications;

/**
 * {@link Notifications} over the VK API: {@code account.getPushSettings} and {@code account.setPushSettings},
 * with one-to-one chats under the key {@code msg} and group chats under {@code chat}, each {@code on} or
 * {@code off}, and {@code no_sound} added to both when sound is off ({@code docs/wire/chats-direct.md}).
 */
public final class WireNotifications implements Notifications {
    /** The device id sent with {@code account.setPushSettings} [choice]: the settings are the account's. */
    static final String DEVICE_ID = "sferum-sdk";

    private final VkApi api;
    private final TokenSource token;

    /**
     * Creates the client.
     *
     * @param api the caller
     * @param token where the token of these calls comes from
     */
    public WireNotifications(VkApi api, TokenSource token) {
        this.api = Objects.requireNonNull(api, "api");
        this.token = Objects.requireNonNull(token, "token");
    }

    /** Reads the settings; a key the service leaves out reads as on, and sound is off when either key says so. */
    @Override
    public NotificationSettings get() {
        VkResult result = api.call(token, VkRequest.idempotent("account.getPushSettings"));
        if (!result.response().isObject()) {
            throw result.malformed("is not a push settings object");
        }
        JsonNode settings = result.response().get("settings");
        List<String> msg = modes(settings, "msg");
        List<String> chat = modes(settings, "chat");
        return new NotificationSettings(!chat.contains("off"), !msg.contains("off"),
                !msg.contains("no_sound") && !chat.contains("no_sound"));
    }

    /** Replaces the settings; setting them twice changes nothing more, so the call is retried as a read. */
    @Override
    public void update(NotificationSettings settings) {
        Checks.notNull(settings, "notification settings");
        Map<String, List<String>> modes = new LinkedHashMap<>();
        modes.put("msg", modes(settings.privateChats(), settings.sound()));
        modes.put("chat", modes(settings.groupChats(), settings.sound()));
        api.call(token, VkRequest.idempotent("account.setPushSettings")
                .param("device_id", DEVICE_ID)
                .param("settings", Json.write(modes)));
    }

    private static List<String> modes(boolean on, boolean sound) {
        List<String> modes = new ArrayList<>(2);
        modes.add(on ? "on" : "off");
        if (!sound) {
            modes.add("no_sound");
        }
        return modes;
    }

    private static List<String> modes(JsonNode settings, String key) {
        List<String> out = new ArrayList<>();
        JsonNode value = settings == null ? null : settings.get(key);
        if (value == null) {
            return out;
        }
        if (value.isArray()) {
            value.forEach(v -> out.add(v.asText()));
        } else if (value.isTextual()) {
            for (String part : value.textValue().split(",")) {
                out.add(part.strip());
            }
        }
        return out;
    }
}
