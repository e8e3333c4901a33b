/** Roster sync from the school system. */
package org.sferum.sdk.roster;
