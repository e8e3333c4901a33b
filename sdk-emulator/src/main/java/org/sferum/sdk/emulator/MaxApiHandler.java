package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.sferum.sdk.chats.Chat;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatMember;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.emulator.ControlRequest.Refused;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.UserId;

/**
 * The emulator's MAX face (F-EMB-08): the MAX Bot API ({@code shared/max-api-schema}, OpenAPI 0.0.33) at the root
 * of its own port, over the same engine as the VK face. It only reads the request, asks the engine and writes the
 * answer: who may do what is the engine's ({@code docs/wire/max.md}). Served: {@code GET /me};
 * {@code GET /chats/{id}}, {@code GET /chats/{id}/members}, {@code GET} and {@code DELETE /chats/{id}/members/me},
 * {@code GET}, {@code PUT} and {@code DELETE /chats/{id}/pin}; {@code POST}, {@code GET}, {@code PUT} and
 * {@code DELETE /messages}, {@code GET /messages/{mid}}; {@code GET /updates}; {@code GET}, {@code POST} and
 * {@code DELETE /subscriptions} (webhooks, {@link MaxWebhooks}). Anything else is 404 {@code not.found} (or 405 for a known path).
 */
final class MaxApiHandler implements EmulatorHandler {
    /** The longest a poll may wait, in seconds (the schema's maximum). */
    static final int MAX_TIMEOUT = 90;
    /** The most rows of an inline keyboard [choice: MAX's documentation says 30]. */
    static final int MAX_ROWS = 30;
    /** The most buttons in a row of an inline keyboard [choice: MAX's documentation says 7]. */
    static final int MAX_ROW = 7;

    private final PlatformEngine engine;
    private final MaxJson json;
    private final MaxUpdates updates;
    private final MaxWebhooks webhooks;
    private final MaxUploads uploads;

    MaxApiHandler(PlatformEngine engine, MaxJson json, MaxUpdates updates, MaxWebhooks webhooks,
                  MaxUploads uploads) {
        this.engine = engine;
        this.json = json;
        this.updates = updates;
        this.webhooks = webhooks;
        this.uploads = uploads;
    }

    @Override
    public void handle(EmulatorExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = new HashMap<>();
        try {
            UrlForm.decodeInto(exchange.getRequestURI().getRawQuery(), query);
        } catch (RuntimeException e) {
            send(exchange, 400, MaxJson.error("proto.payload", "the query string is malformed"));
            return;
        }
        if (query.containsKey("access_token")) {
            send(exchange, 401, MaxJson.error("verify.token", "passing the token in the query is not supported;"
                    + " send it in the Authorization header"));
            return;
        }
        UserId bot;
        try {
            bot = engine.users().authenticateBot(exchange.getRequestHeaders().getFirst("Authorization"));
        } catch (SferumException e) {
            send(exchange, 401, MaxJson.error("verify.token", "Invalid access_token: " + e.getMessage()));
            return;
        }
        updates.watch(bot);
        try {
            JsonNode answer = route(exchange, method, path, query, bot);
            if (answer == null) {
                send(exchange, 404, MaxJson.error("not.found", "no such path in the emulator's MAX Bot API: " + method
                        + " " + path + " (docs/wire/max.md lists what it serves)"));
                return;
            }
            send(exchange, 200, answer);
        } catch (Refused refused) {
            send(exchange, refused.status(), MaxJson.error(refused.code(), refused.getMessage()));
        } catch (SferumException e) {
            send(exchange, status(e), MaxJson.error(code(e), e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            send(exchange, 503, MaxJson.error("service.unavailable", "the emulator is stopping"));
        }
    }

    private JsonNode route(EmulatorExchange exchange, String method, String path, Map<String, String> query,
                           UserId bot) throws IOException, InterruptedException {
        List<String> parts = Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).toList();
        if (parts.equals(List.of("me"))) {
            allow(method, "GET");
            return json.botInfo(bot);
        }
        if (parts.equals(List.of("updates"))) {
            allow(method, "GET");
            if (webhooks.active(bot)) {
                throw new Refused(405, "method.not.allowed", "the bot has a webhook subscription: a bot cannot use"
                        + " webhooks and long polling at once; DELETE /subscriptions first");
            }
            return updates.poll(bot, optionalLong(query, "marker"), number(query, "timeout", 30, 0, MAX_TIMEOUT),
                    number(query, "limit", 100, 1, 1000), types(query));
        }
        if (parts.equals(List.of("uploads"))) {
            allow(method, "POST");
            String host = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Host")).orElse("127.0.0.1");
            return uploads.open(bot, required(query, "type"), host);
        }
        if (parts.equals(List.of("subscriptions"))) {
            allow(method, "GET", "POST", "DELETE");
            switch (method) {
                case "POST":
                    return webhooks.subscribe(bot, body(exchange));
                case "DELETE":
                    return webhooks.unsubscribe(bot, required(query, "url"));
                default:
                    return webhooks.list(bot);
            }
        }
        if (parts.equals(List.of("messages"))) {
            return messages(exchange, method, query, bot);
        }
        if (parts.size() == 2 && parts.get(0).equals("messages")) {
            allow(method, "GET");
            Message message = visible(bot, parts.get(1));
            return json.message(message, bot);
        }
        if (parts.size() >= 2 && parts.get(0).equals("chats")) {
            ChatId chat = chat(parts.get(1));
            List<String> rest = parts.subList(2, parts.size());
            if (rest.isEmpty()) {
                allow(method, "GET");
                return json.chat(engine.chats().chat(bot, chat));
            }
            if (rest.equals(List.of("members"))) {
                allow(method, "GET");
                return members(bot, chat, query);
            }
            if (rest.equals(List.of("members", "me"))) {
                allow(method, "GET", "DELETE");
                if (method.equals("DELETE")) {
                    engine.chats().leaveChat(bot, chat);
                    return MaxJson.success();
                }
                Chat info = engine.chats().chat(bot, chat);
                return json.member(info.members().stream().filter(m -> m.user().equals(bot)).findFirst()
                        .orElseThrow(), info.settings());
            }
            if (rest.equals(List.of("pin"))) {
                return pin(exchange, method, bot, chat);
            }
        }
        return null;
    }

    private JsonNode messages(EmulatorExchange exchange, String method, Map<String, String> query, UserId bot)
            throws IOException {
        allow(method, "GET", "POST", "PUT", "DELETE");
        switch (method) {
            case "POST": {
                if (!query.containsKey("chat_id")) {
                    throw new Refused(400, "proto.payload", "the emulator's MAX face sends to group chats only:"
                            + " give chat_id (user_id dialogs are not built)");
                }
                ChatId chat = chat(query.get("chat_id"));
                JsonNode body = body(exchange);
                Optional<ArrayNode> keyboard = keyboard(body.path("attachments"));
                Draft draft = draft(body).withAttachments(attachments(bot, body.path("attachments")));
                Message sent = engine.messages().send(bot, chat, draft);
                keyboard.ifPresent(buttons -> json.keyboard(sent.id(), buttons));
                ObjectNode answer = JsonNodes.object();
                answer.set("message", json.message(sent, bot));
                return answer;
            }
            case "GET": {
                if (query.containsKey("message_ids")) {
                    ArrayNode list = JsonNodes.array();
                    for (String mid : query.get("message_ids").split(",")) {
                        list.add(json.message(visible(bot, mid.strip()), bot));
                    }
                    ObjectNode answer = JsonNodes.object();
                    answer.set("messages", list);
                    return answer;
                }
                ChatId chat = chat(required(query, "chat_id"));
                Optional<Long> before = optionalLong(query, "before").or(() -> optionalLong(query, "to"));
                Optional<Long> after = optionalLong(query, "after").or(() -> optionalLong(query, "from"));
                List<Message> found = engine.messages().historyByTime(bot, chat, before, after,
                        number(query, "count", 50, 1, 100));
                ObjectNode answer = JsonNodes.object();
                ArrayNode list = answer.putArray("messages");
                found.forEach(m -> list.add(json.message(m, bot)));
                return answer;
            }
            case "PUT": {
                Message message = visible(bot, required(query, "message_id"));
                JsonNode body = body(exchange);
                JsonNode text = body.path("text");
                if (!text.isTextual()) {
                    throw new Refused(400, "proto.payload", "an edit needs a text (attachments are not built)");
                }
                engine.messageActions().edit(bot, message.chat(), message.id(), text.asText());
                return MaxJson.success();
            }
            default: {
                Message message = visible(bot, required(query, "message_id"));
                engine.messageActions().delete(bot, Optional.of(message.chat()), List.of(message.id()), true);
                return MaxJson.success();
            }
        }
    }

    private JsonNode pin(EmulatorExchange exchange, String method, UserId bot, ChatId chat) throws IOException {
        allow(method, "GET", "PUT", "DELETE");
        switch (method) {
            case "PUT": {
                JsonNode body = body(exchange);
                Message message = visible(bot, body.path("message_id").asText(""));
                engine.messageActions().pin(bot, chat, message.id());
                return MaxJson.success();
            }
            case "DELETE":
                engine.messageActions().unpin(bot, chat);
                return MaxJson.success();
            default: {
                ObjectNode answer = JsonNodes.object();
                Optional<Message> pinned = engine.messageActions().pinned(bot, chat);
                if (pinned.isPresent()) {
                    answer.set("message", json.message(pinned.get(), bot));
                } else {
                    answer.putNull("message");
                }
                return answer;
            }
        }
    }

    private JsonNode members(UserId bot, ChatId chat, Map<String, String> query) {
        Chat info = engine.chats().chat(bot, chat);
        List<ChatMember> all = new ArrayList<>(info.members());
        if (query.containsKey("user_ids")) {
            Set<Long> wanted = Arrays.stream(query.get("user_ids").split(",")).map(String::strip)
                    .map(MaxApiHandler::parseLong).collect(Collectors.toSet());
            all.removeIf(m -> !wanted.contains(m.user().value()));
        }
        int count = number(query, "count", 20, 1, 100);
        int from = (int) Math.min(all.size(), Math.max(0, optionalLong(query, "marker").orElse(0L)));
        ObjectNode answer = JsonNodes.object();
        ArrayNode list = answer.putArray("members");
        int to = Math.min(all.size(), from + count);
        for (ChatMember member : all.subList(from, to)) {
            list.add(json.member(member, info.settings()));
        }
        if (to < all.size()) {
            answer.put("marker", (long) to);
        } else {
            answer.putNull("marker");
        }
        return answer;
    }

    /** The engine's draft of a {@code NewMessageBody}: text, a reply or a forward through {@code link}. */
    private static Draft draft(JsonNode body) {
        String text = body.path("text").isTextual() ? body.path("text").asText() : "";
        JsonNode link = body.path("link");
        if (link.isObject()) {
            MessageId linked = MaxJson.message(link.path("mid").asText(null)).orElseThrow(() -> new Refused(404,
                    "not.found", "the linked message " + link.path("mid").asText("") + " does not exist"));
            switch (link.path("type").asText("")) {
                case "reply":
                    return Draft.text(text).replyTo(linked);
                case "forward":
                    return (text.isEmpty() ? Draft.forward(List.of(linked))
                            : Draft.text(text).forwarding(List.of(linked)));
                default:
                    throw new Refused(400, "proto.payload", "link.type must be reply or forward");
            }
        }
        if (text.isEmpty() && !(body.path("attachments").isArray() && body.path("attachments").size() > 0)) {
            throw new Refused(400, "proto.payload", "a message needs text or an attachment");
        }
        return Draft.text(text);
    }

    /**
     * The engine's attachments of a {@code NewMessageBody}: {@code image} ({@code payload.token}, or
     * {@code payload.photos} of tokens) and {@code file} ({@code payload.token}), each token an upload of this bot
     * that the engine saves once (its rules: {@code AttachmentService.saveUpload}). A file must be the message's
     * only attachment, as the schema says.
     */
    private List<org.sferum.sdk.attachments.Attachment> attachments(UserId bot, JsonNode requests) {
        List<org.sferum.sdk.attachments.Attachment> out = new ArrayList<>();
        if (!requests.isArray()) {
            return out;
        }
        for (JsonNode request : requests) {
            JsonNode payload = request.path("payload");
            switch (request.path("type").asText("")) {
                case "image": {
                    List<String> tokens = new ArrayList<>();
                    if (payload.path("token").isTextual()) {
                        tokens.add(payload.path("token").asText());
                    }
                    payload.path("photos").forEach(photo -> tokens.add(photo.path("token").asText("")));
                    if (tokens.isEmpty()) {
                        throw new Refused(400, "proto.payload", "an image attachment needs payload.token or"
                                + " payload.photos (external url images are not taken by the emulator)");
                    }
                    for (String token : tokens) {
                        out.add(engine.attachments().saveUpload(bot, token,
                                org.sferum.sdk.testkit.engine.UploadKind.PHOTO, Optional.empty()));
                    }
                    break;
                }
                case "inline_keyboard":
                    break; // kept by the face: keyboard()
                case "file":
                    if (requests.size() > 1) {
                        throw new Refused(400, "proto.payload", "a file must be the only attachment of its message");
                    }
                    out.add(engine.attachments().saveUpload(bot, payload.path("token").asText(""),
                            org.sferum.sdk.testkit.engine.UploadKind.FILE, Optional.empty()));
                    break;
                default:
                    throw new Refused(400, "proto.payload", "the emulator's MAX face takes image and file"
                            + " attachments, not '" + request.path("type").asText("") + "' (docs/wire/max.md)");
            }
        }
        return out;
    }

    /**
     * The rows of an {@code inline_keyboard} attachment, checked against the schema's {@code Keyboard}: 1 to
     * {@link #MAX_ROWS} rows of 1 to {@link #MAX_ROW} buttons, each a {@code link} button with a text of 1 to 128
     * characters and an {@code http(s)} url of at most 2,048 [choice: the emulator takes link buttons only].
     */
    private static Optional<ArrayNode> keyboard(JsonNode requests) {
        ArrayNode found = null;
        for (JsonNode request : requests) {
            if (!request.path("type").asText("").equals("inline_keyboard")) {
                continue;
            }
            if (found != null) {
                throw new Refused(400, "proto.payload", "a message has at most one inline_keyboard");
            }
            JsonNode rows = request.path("payload").path("buttons");
            if (!rows.isArray() || rows.isEmpty() || rows.size() > MAX_ROWS) {
                throw new Refused(400, "proto.payload", "an inline_keyboard has 1 to " + MAX_ROWS + " rows of"
                        + " buttons in payload.buttons");
            }
            for (JsonNode row : rows) {
                if (!row.isArray() || row.isEmpty() || row.size() > MAX_ROW) {
                    throw new Refused(400, "proto.payload", "a keyboard row has 1 to " + MAX_ROW + " buttons");
                }
                for (JsonNode button : row) {
                    String text = button.path("text").asText("");
                    String url = button.path("url").asText("");
                    if (!button.path("type").asText("").equals("link")) {
                        throw new Refused(400, "proto.payload", "the emulator's MAX face takes link buttons only,"
                                + " not '" + button.path("type").asText("") + "' (docs/wire/max.md)");
                    }
                    if (text.isEmpty() || text.length() > 128) {
                        throw new Refused(400, "proto.payload", "a button's text is 1 to 128 characters");
                    }
                    if (url.length() > 2048 || !(url.startsWith("https://") || url.startsWith("http://"))) {
                        throw new Refused(400, "proto.payload", "a link button's url is an http(s) address of at"
                                + " most 2048 characters");
                    }
                }
            }
            found = (ArrayNode) rows;
        }
        return Optional.ofNullable(found);
    }

    private Message visible(UserId bot, String mid) {
        return MaxJson.message(mid).flatMap(id -> engine.messages().visibleMessage(bot, id))
                .filter(m -> m.chat().isGroup())
                .orElseThrow(() -> new Refused(404, "not.found", "message " + mid + " does not exist or the bot"
                        + " cannot see it"));
    }

    private static ChatId chat(String text) {
        return MaxJson.chat(parseLong(text)).orElseThrow(() -> new Refused(404, "not.found", "chat " + text
                + " does not exist (group chats are negative: -n)"));
    }

    private static JsonNode body(EmulatorExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            JsonNode body = JsonNodes.MAPPER.readTree(in);
            if (body == null || !body.isObject()) {
                throw new Refused(400, "proto.payload", "the body must be a JSON object");
            }
            return body;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new Refused(400, "proto.payload", "the body is not JSON");
        }
    }

    private static void allow(String method, String... allowed) {
        if (!Arrays.asList(allowed).contains(method)) {
            throw new Refused(405, "method.not.allowed", method + " is not allowed here; use "
                    + String.join(" or ", allowed));
        }
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            throw new Refused(400, "proto.payload", "the query parameter " + name + " is required");
        }
        return value;
    }

    private static Optional<Long> optionalLong(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty() || value.equals("null")) {
            return Optional.empty();
        }
        return Optional.of(parseLong(value));
    }

    private static int number(Map<String, String> query, String name, int fallback, int min, int max) {
        long value = optionalLong(query, name).orElse((long) fallback);
        if (value < min || value > max) {
            throw new Refused(400, "proto.payload", name + " must be between " + min + " and " + max + ", got "
                    + value);
        }
        return (int) value;
    }

    private static Set<String> types(Map<String, String> query) {
        String value = query.get("types");
        if (value == null || value.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new Refused(400, "proto.payload", "'" + text + "' is not a number");
        }
    }

    private static int status(SferumException e) {
        switch (e.category()) {
            case VALIDATION:
            case CONFLICT:
                return 400;
            case AUTHENTICATION:
                return 401;
            case PERMISSION:
                return 403;
            case NOT_FOUND:
                return 404;
            case RATE_LIMIT:
                return 429;
            default:
                return 500;
        }
    }

    private static String code(SferumException e) {
        if (e.code() == ErrorCode.MESSAGE_TOO_LONG) {
            return "text.too.long";
        }
        switch (e.category()) {
            case AUTHENTICATION:
                return "verify.token";
            case PERMISSION:
                return "chat.denied";
            case NOT_FOUND:
                return "not.found";
            case RATE_LIMIT:
                return "too.many.requests";
            case VALIDATION:
            case CONFLICT:
                return "proto.payload";
            default:
                return "internal";
        }
    }

    private static void send(EmulatorExchange exchange, int status, JsonNode body) throws IOException {
        HttpJson.send(exchange, status, body);
    }
}
