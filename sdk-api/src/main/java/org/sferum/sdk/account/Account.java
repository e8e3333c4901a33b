package org.sferum.sdk.account;

/** The current user's own account: where help and feedback are (F-ACC-03). */
public interface Account {

    /**
     * Help and feedback.
     *
     * <p>Needs nothing itself; each of its operations names its own capability.
     *
     * @return the support client
     */
    Support support();
}
