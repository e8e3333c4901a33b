package org.sferum.sdk.testkit.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sferum.sdk.attachments.Attachment;
import org.sferum.sdk.attachments.MediaId;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.UserId;

/**
 * The document and poll methods a chat tab calls besides uploading and voting (issue 9, item 6):
 * {@code docs.getById}, {@code docs.delete}, {@code polls.edit} and {@code polls.deleteVote}. The rules are the
 * engine's ({@code DocumentRules}, {@code PollEdits}); answer ids are 1, 2, … within a poll, as
 * {@code polls.addVote} has them.
 */
final class DocsPollsMethods {
    /** The most documents one {@code docs.getById} names [choice]. */
    static final int MAX_DOCS = 100;

    private final PlatformEngine engine;

    /**
     * Creates the methods.
     *
     * @param engine the engine
     */
    DocsPollsMethods(PlatformEngine engine) {
        this.engine = engine;
    }

    /**
     * Adds the methods to a registry.
     *
     * @param into the registry by method name
     */
    void register(Map<String, VkMethod> into) {
        into.put("docs.getById", this::getById);
        into.put("docs.delete", this::delete);
        into.put("polls.edit", this::editPoll);
        into.put("polls.deleteVote", this::deleteVote);
    }

    /**
     * {@code docs.getById(docs)}: {@code docs} is {@code <owner_id>_<doc_id>[_<access_key>]}, comma-joined; the
     * documents the caller owns or sees in a message, as {@code docs_doc}; the others are left out.
     */
    private JsonNode getById(UserId caller, VkParams params) {
        String text = params.string("docs").orElseThrow(() -> VkParams.invalid("docs", "is required"));
        List<MediaId> ids = new ArrayList<>();
        for (String item : text.split(",", -1)) {
            String[] parts = item.strip().split("_", -1);
            if (parts.length < 2 || parts.length > 3) {
                throw VkParams.invalid("docs", "must hold ids such as 123_45");
            }
            long owner = number(parts[0]);
            long id = number(parts[1]);
            ids.add(VkParams.value("docs", () -> new MediaId(owner, id)));
        }
        if (ids.size() > MAX_DOCS) {
            throw VkParams.invalid("docs", "may name at most " + MAX_DOCS + " documents");
        }
        ArrayNode out = JsonNodes.array();
        Instant now = engine.clock().instant();
        for (Attachment.File file : engine.attachments().documents(caller, ids)) {
            out.add(AttachmentMethods.docJson(file, now));
        }
        return out;
    }

    /** {@code docs.delete(owner_id, doc_id)}: {@code 1}; the owner only. */
    private JsonNode delete(UserId caller, VkParams params) {
        long owner = params.requiredLong("owner_id");
        long id = params.requiredLong("doc_id");
        engine.attachments().deleteDocument(caller, VkParams.value("doc_id", () -> new MediaId(owner, id)));
        return IntNode.valueOf(1);
    }

    /**
     * {@code polls.edit(owner_id, poll_id, [question], [add_answers], [edit_answers], [delete_answers],
     * [end_date])}: {@code add_answers} a JSON array of strings, {@code edit_answers} a JSON object of answer id to
     * text, {@code delete_answers} a JSON array of answer ids, {@code end_date} Unix seconds (0: never); {@code 1}.
     */
    private JsonNode editPoll(UserId caller, VkParams params) {
        MediaId poll = AttachmentMethods.pollId(caller, params);
        Map<Integer, String> edit = new LinkedHashMap<>();
        JsonNode edits = json(params, "edit_answers", "{}");
        if (!edits.isObject()) {
            throw VkParams.invalid("edit_answers", "must be a JSON object of answer id to text");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = edits.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (!entry.getValue().isTextual()) {
                throw VkParams.invalid("edit_answers", "must be a JSON object of answer id to text");
            }
            edit.put(answerIndex("edit_answers", entry.getKey()), entry.getValue().asText());
        }
        List<Integer> delete = new ArrayList<>();
        JsonNode deletes = json(params, "delete_answers", "[]");
        if (!deletes.isArray()) {
            throw VkParams.invalid("delete_answers", "must be a JSON array of answer ids");
        }
        for (JsonNode id : deletes) {
            delete.add(answerIndex("delete_answers", id.asText()));
        }
        Optional<Optional<Instant>> endsAt = Optional.empty();
        if (params.string("end_date").isPresent()) {
            long end = params.requiredLong("end_date");
            endsAt = Optional.of(end == 0 ? Optional.empty() : Optional.of(Instant.ofEpochSecond(end)));
        }
        engine.attachments().editPoll(caller, poll, params.string("question"), AttachmentMethods.answers(params),
                edit, delete, endsAt);
        return IntNode.valueOf(1);
    }

    /** {@code polls.deleteVote(owner_id, poll_id)}: {@code 1}, or {@code 0} when the caller had not voted. */
    private JsonNode deleteVote(UserId caller, VkParams params) {
        return IntNode.valueOf(engine.attachments().deleteVote(caller, AttachmentMethods.pollId(caller, params)) ? 1 : 0);
    }

    private static JsonNode json(VkParams params, String name, String fallback) {
        try {
            JsonNode json = JsonNodes.MAPPER.readTree(params.string(name).orElse(fallback));
            if (json == null) {
                throw VkParams.invalid(name, "is not JSON");
            }
            return json;
        } catch (JsonProcessingException e) {
            throw VkParams.invalid(name, "is not JSON");
        }
    }

    /** An answer id (1, 2, …) as the engine's index from 0. */
    private static int answerIndex(String name, String text) {
        try {
            int id = AsciiNumbers.parseInt(text.strip());
            if (id < 1) {
                throw new NumberFormatException();
            }
            return id - 1;
        } catch (NumberFormatException e) {
            throw VkParams.invalid(name, "must hold answer ids (1, 2, …)");
        }
    }

    private static long number(String text) {
        try {
            return AsciiNumbers.parseLong(text);
        } catch (NumberFormatException e) {
            throw VkParams.invalid("docs", "must hold ids such as 123_45");
        }
    }
}
