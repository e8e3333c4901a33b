/** Attachments: photos, videos, files and polls. */
package org.sferum.sdk.attachments;
