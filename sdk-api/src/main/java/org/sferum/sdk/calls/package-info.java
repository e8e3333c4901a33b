/** Calls, videoconferences and online lessons. */
package org.sferum.sdk.calls;
