/** Contacts of the current user. */
package org.sferum.sdk.contacts;
