/**
 * The user's own account: help and feedback (F-ACC-03) through {@link org.sferum.sdk.account.Account#support()}.
 */
package org.sferum.sdk.account;
