package org.sferum.sdk.core;

import java.util.Map;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.NotFoundException;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.users.AccessToken;

/**
 * The access tokens of the schools' service accounts, which own the automatic chats of roster sync (F-CHAT-01):
 * the platform issues one per school to the school system. Set with
 * {@link SferumClient.Builder#rosterServiceAccounts(RosterServiceAccounts)}; a client with them also tells the
 * platform when an account links or unlinks, so that the chats waiting for it take it in or let it go.
 */
@FunctionalInterface
public interface RosterServiceAccounts {

    /**
     * Returns the token of a school's service account.
     *
     * @param schoolId the school system's id of the school (OneRoster {@code orgs.csv} {@code sourcedId})
     * @return the token
     * @throws NotFoundException with {@code NOT_FOUND} when the school system has no token for that school
     */
    AccessToken tokenFor(String schoolId);

    /**
     * Tokens given by school.
     *
     * @param tokens the token of each school
     * @return the service accounts
     */
    static RosterServiceAccounts of(Map<String, AccessToken> tokens) {
        Map<String, AccessToken> copy = Map.copyOf(Checks.notNull(tokens, "tokens"));
        return schoolId -> {
            AccessToken token = copy.get(schoolId);
            if (token == null) {
                throw new NotFoundException(ErrorCode.NOT_FOUND, "no service account token for school " + schoolId
                        + "; ask the platform for one and add it to RosterServiceAccounts");
            }
            return token;
        };
    }
}
