/**
 * Roster sync from the school system (F-EMB-01) and the automatic chats it keeps (F-CHAT-01): the snapshot of
 * the roster ({@link org.sferum.sdk.roster.RosterSnapshot}), the plan of changes
 * ({@link org.sferum.sdk.roster.RosterPlan}) and applying it ({@link org.sferum.sdk.roster.Roster}).
 */
package org.sferum.sdk.roster;
