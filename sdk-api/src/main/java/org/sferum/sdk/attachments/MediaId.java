package org.sferum.sdk.attachments;

/**
 * The id of an uploaded photo, video, file or poll: its owner and its number.
 *
 * @param ownerId the owner (a user id)
 * @param id the number
 */
public record MediaId(long ownerId, long id) {
}
