package org.sferum.sdk.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.testkit.DemoSchool;

/**
 * Fuzzes the emulator's input parsing (issue 12): {@link VkParams} and {@link UrlForm} directly, and over HTTP every
 * VK API method of the slice and the VK ID pages and token endpoint with hostile forms. Parameters come out as
 * {@code ValidationException}s (VK error 100) or malformed-request failures (VK error 8), never as an unexpected
 * exception (VK error 10, HTTP 500); a number is read only from ASCII digits.
 */
class EmulatorInputFuzzTest {
    private static final Pattern ASCII_NUMBER = Pattern.compile("-?[0-9]+");
    private static final String[] METHODS = {
        "messages.send", "messages.getById", "messages.getHistory", "messages.getConversations",
        "messages.markAsRead", "messages.createChat", "messages.edit", "messages.delete", "messages.pin",
        "messages.unpin", "messages.markAsImportant", "messages.search", "messages.getChat",
        "messages.getConversationMembers", "messages.getConversationsById", "messages.editChat",
        "messages.addChatUser", "messages.removeChatUser", "messages.getInviteLink", "messages.joinChatByInviteLink",
        "messages.setChatPermissions", "messages.pinConversation", "messages.archiveConversation",
        "messages.deleteConversation", "messages.report", "messages.setDisappearing", "messages.getHistoryAttachments",
        "account.setSilenceMode", "account.getPushSettings", "account.setPushSettings", "friends.get", "users.get",
        "calls.start", "calls.getById", "calls.list", "calls.join", "calls.leave", "calls.invite",
        "calls.getAttendance", "calls.createLessonCall", "polls.create", "polls.addVote", "docs.save",
        "photos.saveMessagesPhoto", "messages.getLongPollServer",
    };
    private static final String[] PARAMS = {
        "peer_id", "peer_ids", "message", "random_id", "message_ids", "message_id", "count", "offset", "rev",
        "start_message_id", "user_ids", "user_id", "title", "chat_id", "permissions", "reply_to", "forward",
        "forward_messages", "attachment", "filter", "delete_for_all", "important", "q", "ttl", "call_id",
        "lesson_key", "settings", "key", "value", "device_id", "link", "answers", "poll_id", "file", "photo",
        "server", "hash", "cmid", "reason", "fields",
    };

    private static SferumEmulator emulator;
    private static DemoSchool school;
    private static HttpClient http;

    @BeforeContainer
    static void start() {
        emulator = SferumEmulator.builder().seedDemo(true).port(0).start();
        school = emulator.demoSchool().orElseThrow();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    @AfterContainer
    static void stop() {
        emulator.close();
    }

    /** A hostile parameter value. */
    static String value(Random random) {
        switch (random.nextInt(14)) {
            case 0: return "٢٠٠٠٠٠٠٠٠١";
            case 1: return "2000000001";
            case 2: return "-1";
            case 3: return "99999999999999999999999";
            case 4: return "1,2,,3";
            case 5: return "{\"peer_id\":2000000001,\"conversation_message_ids\":[1],\"is_reply\":true}";
            case 6: return "{";
            case 7: return "";
            case 8: return " 12 ";
            case 9: return "photo1_2,doc3_4";
            case 10: return "0x10";
            case 11: return "\u0000\uFFFF<script>";
            case 12: return Long.toString(random.nextLong());
            default: return Integer.toString(random.nextInt(5));
        }
    }

    @Property(tries = 1000, seed = "20261206")
    void vkParamsThrowOnlyValidationExceptions(@ForAll long seed) {
        Random random = new Random(seed);
        Map<String, String> values = new HashMap<>();
        String text = value(random);
        values.put("x", text);
        VkParams params = new VkParams(values);
        List<Runnable> readers = List.of(
            () -> params.flag("x"),
            () -> params.string("x"),
            () -> accepted(text, params.optionalLong("x").isPresent()),
            () -> params.optionalInt("x"),
            () -> params.longList("x", 100),
            () -> params.valueList("x", 100, org.sferum.sdk.chats.ChatId::of),
            () -> params.optionalValue("x", org.sferum.sdk.messages.MessageId::of),
            () -> params.requiredValue("x", org.sferum.sdk.users.UserId::of));
        for (Runnable reader : readers) {
            try {
                reader.run();
            } catch (SferumException expected) {
                // a typed refusal
            }
        }
    }

    private static void accepted(String text, boolean present) {
        if (present) {
            assertTrue(ASCII_NUMBER.matcher(text.strip()).matches(), () -> "read a number from " + text);
        }
    }

    @Property(tries = 1000, seed = "20261206")
    void urlFormThrowsOnlyVkFailures(@ForAll("forms") String encoded) {
        try {
            UrlForm.decodeInto(encoded, new HashMap<>());
        } catch (VkFailure expected) {
            assertEquals(VkErrorTable.INVALID_REQUEST, expected.vkCode());
        }
    }

    @Provide
    Arbitrary<String> forms() {
        return Arbitraries.strings().withChars("a=&%+1F0x;\u0416 ").ofMaxLength(40);
    }

    @Property(tries = 200, seed = "20261206")
    void everyMethodRefusesHostileParametersWithATypedError(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        String method = METHODS[random.nextInt(METHODS.length)];
        StringBuilder form = new StringBuilder("v=5.199");
        for (int i = random.nextInt(5); i >= 0; i--) {
            form.append('&').append(PARAMS[random.nextInt(PARAMS.length)]).append('=')
                    .append(URLEncoder.encode(value(random), StandardCharsets.UTF_8));
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(emulator.baseUri() + "/method/" + method))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "Bearer " + school.teacher().token().secret())
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        JsonNode body = Wire.parse(response.body());
        if (body.has("error")) {
            int code = body.get("error").get("error_code").asInt();
            assertNotEquals(VkErrorTable.INTERNAL_ERROR, code, () -> method + " failed unexpectedly on " + form);
            assertNotEquals(VkErrorTable.UNKNOWN_ERROR, code, () -> method + " failed unexpectedly on " + form);
        } else {
            assertTrue(body.has("response"), () -> method + " answered " + response.body());
        }
    }

    @Property(tries = 300, seed = "20261206")
    void vkIdPagesRefuseHostileFormsWithoutAnInternalError(@ForAll long seed) throws Exception {
        Random random = new Random(seed);
        String[] fields = {"flow_id", "action", "phone", "password", "sms_code", "new_password", "last_name",
            "first_name", "patronymic", "birth_date", "gender", "state", "client_id", "redirect_uri", "code_challenge",
            "code_challenge_method", "response_type", "scope", "grant_type", "code", "code_verifier", "device_id",
            "refresh_token"};
        boolean get = random.nextBoolean();
        StringBuilder form = new StringBuilder();
        for (int i = random.nextInt(7); i >= 0; i--) {
            form.append(form.length() == 0 ? "" : "&").append(fields[random.nextInt(fields.length)]).append('=')
                    .append(!get && random.nextInt(6) == 0 ? "%zz" : URLEncoder.encode(value(random),
                            StandardCharsets.UTF_8));
        }
        String[] paths = {"/authorize", "/oauth2/auth", "/oauth2/token", "/oauth2/public_info", "/oauth2/logout"};
        String path = paths[random.nextInt(paths.length)];
        HttpRequest request = get
                ? HttpRequest.newBuilder(URI.create(emulator.baseUri() + path + "?" + form)).GET().build()
                : HttpRequest.newBuilder(URI.create(emulator.baseUri() + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() < 500, () -> path + " answered " + response.statusCode() + " to " + form);
    }
}
