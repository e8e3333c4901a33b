package org.sferum.sdk.roster;

import java.util.List;

/**
 * Roster sync: the school system hands over its classes, and the SDK keeps the automatic chats (class chat,
 * parents' chat) in step, idempotently (F-EMB-01, F-CHAT-01).
 */
public interface Roster {

    /**
     * Brings one school's automatic chats in line with its classes.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#ROSTER}.
     *
     * @param schoolKey the school system's id of the school
     * @param classes every class of the school
     */
    void sync(String schoolKey, List<SchoolClass> classes);
}
