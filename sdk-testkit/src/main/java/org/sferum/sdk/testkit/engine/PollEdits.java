package org.sferum.sdk.testkit.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sferum.sdk.attachments.MediaId;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.PermissionDeniedException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.users.UserId;

/**
 * Changes to a poll after it was created, as VK's {@code polls.edit} and {@code polls.deleteVote} have them
 * (F-ATT-04):
 * <ul>
 *   <li>only the poll's creator edits it, and only while it is open [choice]; the question may change at any
 *       time, the answers only while nobody has voted [choice: votes must keep meaning what the voter chose];
 *       the limits are those of a new poll;</li>
 *   <li>{@code end_date} closes voting at a future time (0: never); once closed nobody votes, edits or takes a
 *       vote back;</li>
 *   <li>a voter takes back their own vote only, while the poll is open; with no vote of theirs nothing
 *       changes.</li>
 * </ul>
 * Called under the engine's exclusive lock, with a poll the actor sees.
 */
final class PollEdits {
    private PollEdits() {
    }

    /**
     * Refuses a closed poll.
     *
     * @throws PermissionDeniedException with {@code PERMISSION_DENIED} once the poll's end date has passed
     */
    static void requireOpen(AttachmentRules.Item poll, Instant now) {
        if (poll.poll.endsAt != null && !now.isBefore(poll.poll.endsAt)) {
            throw new PermissionDeniedException(ErrorCode.PERMISSION_DENIED, "poll " + name(poll.id)
                    + " is closed: its end date has passed");
        }
    }

    /**
     * Edits a poll; all or nothing.
     *
     * @param question the new question, if any
     * @param add answers to add at the end
     * @param edit new texts by answer index (from 0)
     * @param delete answer indexes (from 0) to remove
     * @param endsAt the new end of voting, if given: empty inside for never
     */
    static void edit(UserId actor, AttachmentRules.Item poll, Optional<String> question, List<String> add,
                     Map<Integer, String> edit, List<Integer> delete, Optional<Optional<Instant>> endsAt,
                     Instant now) {
        if (poll.id.ownerId() != actor.value()) {
            throw new PermissionDeniedException(ErrorCode.PERMISSION_DENIED, "only the creator of poll "
                    + name(poll.id) + " may edit it");
        }
        requireOpen(poll, now);
        String newQuestion = question.map(String::strip).orElse(poll.name);
        if (newQuestion.isEmpty() || newQuestion.length() > AttachmentRules.MAX_QUESTION) {
            throw invalid("a poll's question must be 1 to " + AttachmentRules.MAX_QUESTION + " characters");
        }
        List<String> answers = new ArrayList<>(poll.poll.answers);
        boolean answersChange = !add.isEmpty() || !edit.isEmpty() || !delete.isEmpty();
        if (answersChange && !poll.poll.votes.isEmpty()) {
            throw invalid("the answers of poll " + name(poll.id) + " cannot change once someone has voted;"
                    + " only the question and the end date can");
        }
        for (Map.Entry<Integer, String> change : edit.entrySet()) {
            answers.set(index(change.getKey(), answers.size()), change.getValue());
        }
        List<Integer> gone = new ArrayList<>();
        for (int i : delete) {
            gone.add(index(i, poll.poll.answers.size()));
        }
        gone.stream().distinct().sorted((a, b) -> b - a).forEach(i -> answers.remove((int) i));
        answers.addAll(add);
        if (answers.isEmpty() || answers.size() > AttachmentRules.MAX_ANSWERS) {
            throw invalid("a poll needs 1 to " + AttachmentRules.MAX_ANSWERS + " answers");
        }
        List<String> stripped = new ArrayList<>(answers.size());
        for (String answer : answers) {
            if (answer == null || answer.isBlank() || answer.length() > AttachmentRules.MAX_ANSWER) {
                throw invalid("each answer of a poll must be 1 to " + AttachmentRules.MAX_ANSWER + " characters");
            }
            stripped.add(answer.strip());
        }
        Instant end = endsAt.isPresent() ? endsAt.get().orElse(null) : poll.poll.endsAt;
        if (endsAt.isPresent() && end != null && !end.isAfter(now)) {
            throw invalid("end_date must be in the future, or 0 for a poll that never closes");
        }
        poll.name = newQuestion;
        poll.poll.answers = List.copyOf(stripped);
        poll.poll.endsAt = end;
    }

    /**
     * Takes the actor's vote back while the poll is open.
     *
     * @return whether there was a vote to take back
     */
    static boolean deleteVote(UserId actor, AttachmentRules.Item poll, Instant now) {
        requireOpen(poll, now);
        return poll.poll.votes.remove(actor) != null;
    }

    private static int index(int index, int size) {
        if (index < 0 || index >= size) {
            throw invalid("the poll has no answer " + (index + 1));
        }
        return index;
    }

    private static String name(MediaId id) {
        return id.ownerId() + "_" + id.id();
    }

    private static ValidationException invalid(String message) {
        return new ValidationException(ErrorCode.INVALID_ARGUMENT, message);
    }
}
