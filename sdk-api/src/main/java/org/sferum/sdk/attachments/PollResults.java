package org.sferum.sdk.attachments;

import java.util.List;
import java.util.Objects;
import org.sferum.sdk.users.UserId;

/**
 * A poll's results as one reader sees them (F-ATT-04).
 *
 * @param poll the poll
 * @param anonymous whether the votes are anonymous; then {@code voters} is empty for every answer
 * @param votes how many voted for each answer, in the answers' order
 * @param totalVoters how many users voted
 * @param myAnswers the indexes the reader voted for; empty when the reader has not voted
 * @param voters who voted for each answer, in the answers' order; empty lists for an anonymous poll
 */
public record PollResults(Attachment.Poll poll, boolean anonymous, List<Integer> votes, int totalVoters,
                          List<Integer> myAnswers, List<List<UserId>> voters) {
    /**
     * Validates and copies the fields.
     *
     * @param poll the poll
     * @param anonymous whether the votes are anonymous
     * @param votes how many voted for each answer
     * @param totalVoters how many users voted
     * @param myAnswers the indexes the reader voted for
     * @param voters who voted for each answer
     */
    public PollResults {
        Objects.requireNonNull(poll, "poll");
        votes = List.copyOf(votes);
        myAnswers = List.copyOf(myAnswers);
        voters = voters.stream().map(List::copyOf).toList();
    }
}
