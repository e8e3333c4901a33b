package org.sferum.sdk.chats;

import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.internal.Checks;

/**
 * A link that lets a user join a chat (F-CHAT-10).
 *
 * @param url the link, an absolute http or https URL
 */
public record InviteLink(String url) {
    /**
     * Validates the link.
     *
     * @param url the link, an absolute http or https URL
     */
    public InviteLink {
        Checks.notNull(url, "invite link");
        Checks.require((url.startsWith("https://") || url.startsWith("http://")) && url.length() <= 2048,
                ErrorCode.INVALID_ARGUMENT, "invite link must be an http(s) URL as returned by Chats.inviteLink");
    }
}
