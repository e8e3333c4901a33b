package org.sferum.sdk.core.messages;

import org.sferum.sdk.core.wire.Log;
import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.core.wire.ExecuteAnswer;
import org.sferum.sdk.core.wire.Json;
import org.sferum.sdk.core.wire.TokenSource;
import org.sferum.sdk.core.wire.VkApi;
import org.sferum.sdk.core.wire.VkRequest;
import org.sferum.sdk.core.wire.VkResult;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.OutcomeUnknownException;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.internal.Cursors;
import org.sferum.sdk.messages.Draft;
import org.sferum.sdk.messages.HistoryOrder;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.messages.Message;
import org.sferum.sdk.messages.MessageId;
import org.sferum.sdk.messages.Messages;
import org.sferum.sdk.messages.ReportReason;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageCursor;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.users.UserId;

/**
 * {@link Messages} over the VK API: {@code messages.send} (one request: the message is built from the draft and the
 * ids the answer gives), {@code messages.getHistory} and {@code messages.markAsRead}, as {@code docs/wire/vk-api.md}
 * says.
 */
public final class WireMessages implements Messages {
    private static final Log LOG = Log.get(WireMessages.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The largest page of {@code messages.search}, as the schema's {@code maximum}. */
    private static final int MAX_SEARCH_COUNT = 100;
    private static final String LATER = "the chats issue (F-MSG-09)";

    private final VkApi api;
    private final TokenSource token;
    private final PrivateReplies privateReplies;
    private final Supplier<UserId> me;
    private final Clock clock;

    /**
     * Creates the client.
     *
     * @param api the caller
     * @param token where the token of these calls comes from
     * @param me the session's user, the author of what it sends (read once, then kept)
     * @param clock the client's clock, the date of a sent message when the answer does not give one
     */
    public WireMessages(VkApi api, TokenSource token, Supplier<UserId> me, Clock clock) {
        this.api = Objects.requireNonNull(api, "api");
        this.token = Objects.requireNonNull(token, "token");
        this.me = Objects.requireNonNull(me, "me");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.privateReplies = new PrivateReplies(api, token);
    }

    /**
     * Sends with one {@code messages.send} in its {@code peer_ids} form, keeping one {@code random_id} (the draft's,
     * or a random non-zero one) across the call's retries, so a retried send never stores two messages; an answer
     * that is lost or unreadable is retried with the same {@code random_id}. The message returned is built from
     * the draft and the answer's {@code message_id} and {@code conversation_message_id}: its author is the session's
     * user, its date the answer's {@code date} when the service gives one (the emulator does; VK's schema has no
     * such field) and otherwise the client's clock when the answer arrived, to the second. Only a draft that
     * forwards messages is read back with {@code messages.getById}, since the forwarded copies are the platform's.
     *
     * @throws org.sferum.sdk.error.OutcomeUnknownException when the message may have been stored but the retries did
     *     not settle it; it names the chat and the random id (and the message id once known)
     */
    @Override
    public Message send(ChatId chat, Draft draft) {
        Checks.notNull(chat, "chat");
        Checks.notNull(draft, "draft");
        // The author is read before sending (once per session): a failure here has stored nothing.
        UserId author = draft.forwarded().isEmpty() ? me.get() : null;
        int randomId = draft.randomId().isPresent() ? draft.randomId().getAsInt() : newRandomId();
        // Streamed: the answer's ids are read without a tree (issue 15).
        VkRequest send = sendRequest(chat, draft, randomId).streamed();
        SentIds sent = api.call(token, send, result -> SentIds.decode(result, chat));
        return sentMessage(chat, draft, randomId, author, sent);
    }

    /** The {@code messages.send} of a draft, in its {@code peer_ids} form, with the random id given. */
    static VkRequest sendRequest(ChatId chat, Draft draft, int randomId) {
        VkRequest send = VkRequest.idempotent("messages.send")
                .param("peer_ids", chat.peerId())
                .param("random_id", randomId)
                .param("message", draft.text());
        draft.replyTo().ifPresent(reply -> send.param("reply_to", reply.value()));
        if (!draft.forwarded().isEmpty()) {
            send.param("forward_messages", ids(draft.forwarded()));
        }
        if (!draft.attachments().isEmpty()) {
            send.param("attachment", org.sferum.sdk.core.attachments.WireAttachments.attachmentParam(
                    draft.attachments()));
        }
        return send;
    }

    /**
     * The message a send stored, from the draft and the ids the answer gave (read back when it forwards messages).
     */
    Message sentMessage(ChatId chat, Draft draft, int randomId, UserId author, SentIds sent) {
        if (!draft.forwarded().isEmpty()) {
            return readBackSent(chat, randomId, sent.id);
        }
        Instant date = sent.date > 0 ? Instant.ofEpochSecond(sent.date)
                : clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return new Message(MessageId.of(sent.id), chat, sent.cmid, author, draft.text(), date, Optional.empty(),
                draft.replyTo(), draft.attachments(), List.of(), false);
    }

    /**
     * The ids {@code messages.send} gave: the {@code peer_ids} form's one item
     * ({@code [{"peer_id", "message_id", "conversation_message_id"}]}, with the Sferum extension {@code date}), or
     * the plain message id of the {@code peer_id} form.
     */
    record SentIds(long id, long cmid, long date) {
        static SentIds decode(VkResult result, ChatId chat) {
            if (result.isStreamed()) {
                return StreamedDecoders.sentIds(result, chat);
            }
            JsonNode response = result.response();
            if (response.isArray()) {
                for (JsonNode item : response) {
                    if (item.isObject() && Json.longOr(item, "peer_id", 0) == chat.peerId()) {
                        JsonNode error = item.get("error");
                        if (error != null && error.isObject()) {
                            throw org.sferum.sdk.core.wire.VkErrorCodes.exception(result, error);
                        }
                        long id = Json.longOr(item, "message_id", 0);
                        if (id <= 0) {
                            break;
                        }
                        return new SentIds(id, Math.max(0, Json.longOr(item, "conversation_message_id", 0)),
                                Json.longOr(item, "date", 0));
                    }
                }
                throw result.malformed("holds no message id for the chat");
            }
            long id = response.isObject() ? Json.longOr(response, "message_id", 0) : Json.asLong(response, 0);
            if (id <= 0) {
                throw result.malformed("is not a message id");
            }
            return new SentIds(id, 0, 0);
        }
    }

    /**
     * Reads a message just sent back, for its forwarded copies. The message is stored whatever happens here, so a
     * failure is an {@link OutcomeUnknownException} naming it rather than a plain failure.
     */
    private Message readBackSent(ChatId chat, int randomId, long id) {
        return readBackStored("messages.send", chat, OptionalInt.of(randomId), id, "stored message " + id
                + " but reading it back (for its forwarded messages) failed", "do not send it again");
    }

    /**
     * Reads back a message a change certainly reached (a send with forwards; an edit whose read inside its
     * {@code execute} gave nothing readable). The change stands whatever happens here, so a failure is an
     * {@link OutcomeUnknownException} naming the message rather than a plain failure.
     */
    private Message readBackStored(String method, ChatId chat, OptionalInt randomId, long id, String what,
                                   String advice) {
        try {
            return readBack(id);
        } catch (SferumException e) {
            OutcomeUnknownException.Subject subject = new OutcomeUnknownException.Subject(method,
                    Optional.of(chat), randomId, List.of(MessageId.of(id)));
            throw new OutcomeUnknownException(method + " " + what + " (" + e.code() + "); read it with the history, "
                    + advice, subject, null, e.requestId().orElse(null), e);
        }
    }

    /** Reads a message of the user back with {@code messages.getById}. */
    private Message readBack(long id) {
        VkResult read = api.call(token, VkRequest.idempotent("messages.getById").param("message_ids", id));
        return find(read, id).orElseThrow(() -> read.malformed("does not hold the message " + id
                + " just sent or changed, in a form this SDK can read"));
    }

    private static List<Long> ids(List<MessageId> messages) {
        List<Long> out = new ArrayList<>(messages.size());
        for (MessageId message : messages) {
            out.add(Checks.notNull(message, "message").value());
        }
        return out;
    }

    static int newRandomId() {
        int id;
        do {
            id = RANDOM.nextInt();
        } while (id == 0);
        return id;
    }

    /**
     * Reads a page with {@code messages.getHistory}. The cursor is the id of the page's last message; the next
     * page starts there with {@code offset=1}, so messages arriving meanwhile neither shift nor repeat pages. Exactly
     * the page size is asked for (issue 15): the first page knows from the answer's {@code count} whether more
     * follow; a later full page offers a next one, which may be empty.
     */
    @Override
    public Page<Message> history(ChatId chat, HistoryQuery query) {
        Checks.notNull(chat, "chat");
        Checks.notNull(query, "history query");
        // Streamed: the page is read without a tree (issue 15); an unreadable one is asked again, as any read.
        return api.call(token, historyRequest(chat, query).streamed(), result -> historyPage(result, chat, query));
    }

    /** The {@code messages.getHistory} of one page. */
    static VkRequest historyRequest(ChatId chat, HistoryQuery query) {
        boolean oldestFirst = query.order() == HistoryOrder.OLDEST_FIRST;
        PageRequest page = query.page();
        VkRequest request = VkRequest.idempotent("messages.getHistory")
                .param("peer_id", chat.peerId())
                .param("count", page.size())
                .param("rev", oldestFirst);
        if (page.cursor().isPresent()) {
            long anchor = Cursors.decode("m", scope(chat, oldestFirst), 1, page.cursor().get());
            request.param("start_message_id", anchor).param("offset", 1);
        }
        return request;
    }

    private static String scope(ChatId chat, boolean oldestFirst) {
        return chat.peerId() + (oldestFirst ? ".rev1" : ".rev0");
    }


    /** Reads one page of {@code messages.getHistory}'s answer. */
    static Page<Message> historyPage(VkResult result, ChatId chat, HistoryQuery query) {
        int size = query.page().size();
        List<Message> messages;
        long lastId = 0;
        int itemCount;
        OptionalLong total;
        if (result.isStreamed()) {
            StreamedDecoders.HistoryItems read = StreamedDecoders.history(result, size);
            messages = read.messages();
            lastId = read.lastId();
            itemCount = read.items();
            total = read.count() >= 0 ? OptionalLong.of(read.count()) : OptionalLong.empty();
        } else {
            JsonNode items = items(result);
            int kept = Math.min(size, items.size());
            messages = new ArrayList<>(kept);
            for (int i = 0; i < kept; i++) {
                JsonNode item = items.get(i);
                MessageDecoder.decode(item, result).ifPresent(messages::add);
                lastId = Json.longOr(item, "id", 0);
            }
            itemCount = items.size();
            total = total(result);
        }
        // Exactly the page is asked for: a full page has a next one unless the first page's count says it holds
        // everything; a later full page may be followed by an empty one.
        boolean more = itemCount >= size && (query.page().cursor().isPresent() || total.isEmpty()
                || total.getAsLong() > itemCount);
        Optional<PageCursor> next = more && lastId > 0
                ? Optional.of(Cursors.encode("m", scope(chat, query.order() == HistoryOrder.OLDEST_FIRST), lastId))
                : Optional.empty();
        return new Page<>(messages, next, total);
    }

    /** Marks the chat read with {@code messages.markAsRead} up to the message. */
    @Override
    public void markRead(ChatId chat, MessageId upTo) {
        Checks.notNull(chat, "chat");
        Checks.notNull(upTo, "message");
        api.call(token, markReadRequest(chat, upTo));
    }

    /** The {@code messages.markAsRead} of a chat up to a message. */
    static VkRequest markReadRequest(ChatId chat, MessageId upTo) {
        return VkRequest.idempotent("messages.markAsRead")
                .param("peer_id", chat.peerId())
                .param("start_message_id", upTo.value());
    }

    /**
     * Starts a batch of this session's messaging calls, sent through VK's {@code execute}.
     *
     * @return an empty batch
     */
    public org.sferum.sdk.batch.Batch batch() {
        return new WireBatch(this, api, token, me);
    }

    static JsonNode items(VkResult result) {
        JsonNode items = result.response().get("items");
        if (items == null || !items.isArray()) {
            throw result.malformed("has no items list");
        }
        return items;
    }

    static OptionalLong total(VkResult result) {
        long count = Json.longOr(result.response(), "count", -1);
        return count >= 0 ? OptionalLong.of(count) : OptionalLong.empty();
    }

    /**
     * Edits in one request (issue 15): a VK {@code execute} carrying {@code messages.edit} (which VK answers with
     * {@code 1} only) and then {@code messages.getById} of the message, so the message returned is the platform's,
     * with its own edit time. Inside {@code execute} a failed call answers {@code false} and its error is the next
     * entry of {@code execute_errors}; the edit's error is thrown as the same typed exception a direct
     * {@code messages.edit} gives. Idempotent: the same text again changes nothing, so the request is retried like
     * a read. In the rare case the edit was applied but its read inside the same request failed, the message is
     * read once more on its own; should that fail too, the edit is applied, so the caller gets an
     * {@link OutcomeUnknownException} naming the message rather than a plain failure. The text is checked as a text
     * {@link Draft} before any request.
     *
     * @throws org.sferum.sdk.error.OutcomeUnknownException when the edit may or may not have been applied, or was
     *     applied and could not be read back
     */
    @Override
    public Message edit(ChatId chat, MessageId message, String newText) {
        Checks.notNull(chat, "chat");
        Checks.notNull(message, "message");
        String text = Draft.text(newText).text();
        long id = message.value();
        VkRequest edit = VkRequest.idempotent("messages.edit")
                .param("peer_id", chat.peerId())
                .param("message_id", id)
                .param("message", text);
        VkRequest read = VkRequest.idempotent("messages.getById").param("message_ids", id);
        List<ExecuteAnswer> answers = api.execute(token, List.of(edit, read));
        // The edit's own outcome first: a refusal, or an OutcomeUnknownException when the request was lost.
        answers.get(0).decode(result -> result);
        try {
            Optional<Message> now = answers.get(1).decode(result -> find(result, id));
            if (now.isPresent()) {
                return now.get();
            }
        } catch (SferumException e) {
            LOG.debug("messages.getById inside the edit's execute failed ({}); reading the message on its own",
                    e.code());
        }
        return readBackStored("messages.edit", chat, OptionalInt.empty(), id, "was applied to message " + id
                + " but reading it back failed", "the edit need not be repeated");
    }

    /** The message of {@code messages.getById}'s answer with this id, when the answer holds one this SDK reads. */
    private static Optional<Message> find(VkResult read, long id) {
        for (JsonNode item : items(read)) {
            if (Json.longOr(item, "id", 0) == id) {
                return MessageDecoder.decode(item, read);
            }
        }
        return Optional.empty();
    }

    /** Deletes with {@code messages.delete}; idempotent, since deleting what is gone changes nothing. */
    @Override
    public void delete(ChatId chat, List<MessageId> messages, boolean forEveryone) {
        Checks.notNull(chat, "chat");
        Checks.notNull(messages, "messages");
        api.call(token, VkRequest.idempotent("messages.delete")
                .param("peer_id", chat.peerId())
                .param("message_ids", ids(messages))
                .param("delete_for_all", forEveryone));
    }

    /** Pins with {@code messages.pin}; idempotent. */
    @Override
    public void pin(ChatId chat, MessageId message) {
        Checks.notNull(chat, "chat");
        Checks.notNull(message, "message");
        api.call(token, VkRequest.idempotent("messages.pin")
                .param("peer_id", chat.peerId())
                .param("message_id", message.value()));
    }

    /** Unpins with {@code messages.unpin}; idempotent. */
    @Override
    public void unpin(ChatId chat) {
        Checks.notNull(chat, "chat");
        api.call(token, VkRequest.idempotent("messages.unpin").param("peer_id", chat.peerId()));
    }

    /** Reads {@code chat_settings.pinned_message} of {@code messages.getConversationsById}. */
    @Override
    public Optional<Message> pinned(ChatId chat) {
        Checks.notNull(chat, "chat");
        VkResult result = api.call(token, VkRequest.idempotent("messages.getConversationsById")
                .param("peer_ids", chat.peerId()));
        for (JsonNode item : items(result)) {
            if (Json.longOr(item.path("peer"), "id", 0) == chat.peerId()) {
                JsonNode pinned = item.path("chat_settings").get("pinned_message");
                return pinned == null || !pinned.isObject() ? Optional.empty() : MessageDecoder.decode(pinned, result);
            }
        }
        throw result.malformed("does not hold the conversation asked for");
    }

    /** Marks with {@code messages.markAsImportant}; idempotent. */
    @Override
    public List<MessageId> markImportant(List<MessageId> messages, boolean important) {
        Checks.notNull(messages, "messages");
        VkResult result = api.call(token, VkRequest.idempotent("messages.markAsImportant")
                .param("message_ids", ids(messages))
                .param("important", important));
        JsonNode response = result.response();
        if (!response.isArray()) {
            throw result.malformed("is not a list of message ids");
        }
        List<MessageId> out = new ArrayList<>(response.size());
        for (JsonNode id : response) {
            long value = Json.asLong(id, 0);
            if (value > 0) {
                out.add(MessageId.of(value));
            }
        }
        return out;
    }

    /** Reports with the partner method {@code messages.report}; idempotent (one report per user and message). */
    @Override
    public void report(ChatId chat, MessageId message, ReportReason reason) {
        Checks.notNull(chat, "chat");
        Checks.notNull(message, "message");
        Checks.notNull(reason, "reason");
        api.call(token, VkRequest.idempotent("messages.report")
                .param("peer_id", chat.peerId())
                .param("message_id", message.value())
                .param("reason", reason.name().toLowerCase(Locale.ROOT)));
    }

    /**
     * Searches with {@code messages.search}, newest first. The cursor is the offset of the next page; a next page
     * exists while the matches counted by the service go beyond this page.
     */
    @Override
    public Page<Message> search(ChatId chat, String query, PageRequest page) {
        Checks.notNull(chat, "chat");
        Checks.notNull(query, "search query");
        Checks.notNull(page, "page");
        Checks.require(page.size() <= MAX_SEARCH_COUNT, ErrorCode.INVALID_PAGE_REQUEST,
                "a search page holds at most " + MAX_SEARCH_COUNT + " messages, got " + page.size());
        String scope = chat.peerId() + ".q" + Integer.toHexString(query.hashCode());
        long offset = page.cursor().isPresent() ? Cursors.decode("o", scope, 0, page.cursor().get()) : 0;
        VkResult result = api.call(token, VkRequest.idempotent("messages.search")
                .param("peer_id", chat.peerId())
                .param("q", query)
                .param("offset", offset)
                .param("count", page.size()));
        JsonNode items = items(result);
        List<Message> messages = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            MessageDecoder.decode(item, result).ifPresent(messages::add);
        }
        OptionalLong total = total(result);
        long reached = offset + items.size();
        Optional<PageCursor> next = !items.isEmpty() && total.isPresent() && reached < total.getAsLong()
                ? Optional.of(Cursors.encode("o", scope, reached)) : Optional.empty();
        return new Page<>(messages, next, total);
    }

    /** Sets the phantom chat's time with the partner method {@code messages.setDisappearing}; idempotent. */
    @Override
    public void setDisappearing(ChatId chat, Optional<Duration> after) {
        Checks.notNull(chat, "chat");
        Checks.notNull(after, "after");
        Checks.require(after.isEmpty() || after.get().getSeconds() >= 1, ErrorCode.INVALID_ARGUMENT,
                "a phantom chat's messages live at least one second");
        api.call(token, VkRequest.idempotent("messages.setDisappearing")
                .param("peer_id", chat.peerId())
                .param("ttl", after.map(Duration::getSeconds).orElse(0L)));
    }

    /**
     * Answers in the author's one-to-one chat: {@code messages.getById} for the author, {@code messages.send} with a
     * {@code forward} reply to the original, {@code messages.getById} for the answer (see {@code PrivateReplies}).
     * Retried as a send: its {@code random_id} is kept across retries.
     */
    @Override
    public Message replyPrivately(ChatId chat, MessageId message, Draft draft) {
        Checks.notNull(chat, "chat");
        Checks.notNull(message, "message");
        Checks.notNull(draft, "draft");
        return privateReplies.send(chat, message, draft);
    }

}
