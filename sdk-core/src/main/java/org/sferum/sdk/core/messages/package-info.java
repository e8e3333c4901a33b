/** Messages over the VK API: send, history, read state; not exported. */
package org.sferum.sdk.core.messages;
