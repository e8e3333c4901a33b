/** Real-time events. */
package org.sferum.sdk.events;
