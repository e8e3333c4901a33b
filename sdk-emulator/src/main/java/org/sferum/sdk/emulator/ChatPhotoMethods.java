package org.sferum.sdk.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.chats.ChatPhoto;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.testkit.engine.AttachmentService;
import org.sferum.sdk.users.UserId;

/**
 * Chat avatars (F-CHAT-06), as {@code docs/wire/chats-admin.md} says: {@code photos.getChatUploadServer} gives an
 * upload address; a {@code multipart/form-data} POST of the field {@code file} there (no access token: the address
 * names the uploader) answers {@code {"response": "<file>"}}; {@code messages.setChatPhoto(file)} sets the image;
 * {@code messages.deleteChatPhoto(chat_id)} removes it. The images are served by GET under {@link #PHOTO_PATH}.
 *
 * <p>Tickets, their expiry ({@link AttachmentService#CHAT_PHOTO_UPLOAD_LIFETIME}) and who may use an upload are the
 * engine's upload pipeline's; these methods only read the multipart and write JSON. An unknown or expired address or
 * file is refused with VK error 100.
 */
final class ChatPhotoMethods {
    /** Where uploads are posted: this, then the upload ticket. */
    static final String UPLOAD_PATH = "/upload/chat_photo/";
    /** Where chat images are served: this, then the image's key. */
    static final String PHOTO_PATH = "/chat_photo/";
    /** The multipart field of the image, as VK's chat photo uploads. */
    static final String FIELD = "file";
    /** The most bytes of one upload request read: the largest image and room for the multipart framing. */
    static final int MAX_UPLOAD = ChatPhoto.MAX_BYTES + 64 * 1024;

    private final PlatformEngine engine;
    private final URI baseUri;

    /**
     * Creates the methods and tells the engine where the images are served.
     *
     * @param engine the engine
     * @param baseUri the emulator's address
     */
    ChatPhotoMethods(PlatformEngine engine, URI baseUri) {
        this.engine = engine;
        this.baseUri = baseUri;
        engine.chats().serveChatPhotosAt(baseUri + PHOTO_PATH);
    }

    /**
     * Adds the methods to a registry.
     *
     * @param into the registry by method name
     */
    void register(Map<String, VkMethod> into) {
        into.put("photos.getChatUploadServer", this::getChatUploadServer);
        into.put("messages.setChatPhoto", this::setChatPhoto);
        into.put("messages.deleteChatPhoto", this::deleteChatPhoto);
    }

    private static ChatId chatId(VkParams params) {
        long localId = params.requiredLong("chat_id");
        return VkParams.value("chat_id", () -> ChatId.group(localId));
    }

    /** {@code photos.getChatUploadServer(chat_id)}: for a member; the rights are checked when the photo is set. */
    private JsonNode getChatUploadServer(UserId caller, VkParams params) {
        String ticket = engine.attachments().openChatPhotoUpload(caller, chatId(params));
        ObjectNode json = JsonNodes.object();
        json.put("upload_url", baseUri + UPLOAD_PATH + ticket);
        return json;
    }

    /** {@code messages.setChatPhoto(file)}: the uploader's file, used once; answers the chat. */
    private JsonNode setChatPhoto(UserId caller, VkParams params) {
        String file = params.string("file").orElseThrow(() -> VkParams.invalid("file", "is required"));
        return answer(caller, engine.chats().setChatPhotoFromUpload(caller, file));
    }

    /** {@code messages.deleteChatPhoto(chat_id)}: answers the chat. */
    private JsonNode deleteChatPhoto(UserId caller, VkParams params) {
        ChatId chat = chatId(params);
        engine.chats().removeChatPhoto(caller, chat);
        return answer(caller, chat);
    }

    /** [choice] No service message is written: {@code message_id} is 0. */
    private JsonNode answer(UserId caller, ChatId chat) {
        ObjectNode json = JsonNodes.object();
        json.put("message_id", 0);
        json.set("chat", ChatAdminMethods.chatJson(engine.chats().chat(caller, chat)));
        return json;
    }

    /**
     * Serves {@link #UPLOAD_PATH}: a POST of {@code multipart/form-data} with the image in {@link #FIELD}.
     *
     * @param exchange the request
     * @throws IOException if the connection fails
     */
    void upload(EmulatorExchange exchange) throws IOException {
        try (exchange) {
            String ticketValue = exchange.getRequestURI().getPath().substring(UPLOAD_PATH.length());
            if (!"POST".equals(exchange.getRequestMethod()) || !engine.attachments().acceptsChatPhoto(ticketValue)) {
                HttpJson.send(exchange, 200, uploadError("the upload address is unknown or expired, or the method is"
                        + " not POST"));
                return;
            }
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_UPLOAD + 1);
            }
            if (body.length > MAX_UPLOAD) {
                HttpJson.send(exchange, 200, uploadError("the file is larger than " + ChatPhoto.MAX_BYTES + " bytes"));
                return;
            }
            Optional<Multipart.Part> part = Multipart.boundary(exchange.getRequestHeaders().getFirst("Content-Type"))
                    .flatMap(boundary -> Multipart.part(body, boundary, FIELD));
            if (part.isEmpty()) {
                HttpJson.send(exchange, 200, uploadError("no multipart/form-data field " + FIELD));
                return;
            }
            String file;
            try {
                file = engine.attachments().receiveChatPhoto(ticketValue, part.get().fileName(), part.get().content());
            } catch (ValidationException e) {
                HttpJson.send(exchange, 200, uploadError(e.getMessage()));
                return;
            }
            ObjectNode json = JsonNodes.object();
            json.put("response", file);
            HttpJson.send(exchange, 200, json);
        }
    }

    /**
     * Serves {@link #PHOTO_PATH}: GET of a current image, with its content type; 404 for any other.
     *
     * @param exchange the request
     * @throws IOException if the connection fails
     */
    void serve(EmulatorExchange exchange) throws IOException {
        try (exchange) {
            String key = exchange.getRequestURI().getPath().substring(PHOTO_PATH.length());
            Optional<ChatPhoto> photo = "GET".equals(exchange.getRequestMethod()) ? engine.chats().chatImage(key)
                    : Optional.empty();
            if (photo.isEmpty()) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] content = photo.get().content();
            exchange.getResponseHeaders().set("Content-Type", photo.get().contentType());
            exchange.sendResponseHeaders(200, content.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(content);
            }
        }
    }

    private static ObjectNode uploadError(String message) {
        ObjectNode json = JsonNodes.object();
        ObjectNode error = json.putObject("error");
        error.put("error_code", 100);
        error.put("error_msg", "One of the parameters specified was missing or invalid: " + message);
        error.putArray("request_params");
        return json;
    }
}
