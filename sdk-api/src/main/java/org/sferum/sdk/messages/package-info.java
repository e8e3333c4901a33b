/** Messages: sending, history, editing, deleting, pinning, forwarding and reporting. */
package org.sferum.sdk.messages;
