/**
 * Attachments over the VK API: message photos and files (VK's three-step uploads), as
 * {@code docs/wire/attachments.md} says; not exported.
 */
package org.sferum.sdk.core.attachments;
