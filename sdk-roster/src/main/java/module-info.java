/**
 * Roster sync without the platform (F-EMB-01, F-CHAT-01): the OneRoster 1.1/1.2 CSV reader
 * ({@link org.sferum.sdk.roster.oneroster.OneRosterReader}) and the plan of automatic chats
 * ({@link org.sferum.sdk.roster.plan.RosterPlanner}) against a read-only {@link org.sferum.sdk.roster.plan.PlatformView}
 * that sdk-core and the testkit's engine implement.
 */
module org.sferum.sdk.roster {
    requires transitive org.sferum.sdk.api;
    requires org.apache.commons.csv;

    exports org.sferum.sdk.roster.oneroster;
    exports org.sferum.sdk.roster.plan;
}
