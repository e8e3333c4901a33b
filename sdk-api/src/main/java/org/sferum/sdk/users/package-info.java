/** Users, school accounts, roles and the credentials that act for them. */
package org.sferum.sdk.users;
