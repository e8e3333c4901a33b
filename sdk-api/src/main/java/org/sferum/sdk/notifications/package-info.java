/** Notification settings. */
package org.sferum.sdk.notifications;
