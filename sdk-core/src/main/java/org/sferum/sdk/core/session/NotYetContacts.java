package org.sferum.sdk.core.session;

import org.sferum.sdk.contacts.Contacts;
import org.sferum.sdk.core.wire.NotYet;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.users.Person;

/** {@link Contacts}, delivered by the chats issue; listed in {@code docs/status.md}. */
final class NotYetContacts implements Contacts {
    static final Contacts INSTANCE = new NotYetContacts();

    private NotYetContacts() {
    }

    @Override
    public Page<Person> list(PageRequest page) {
        throw NotYet.available("Contacts.list (F-ACC-01)", "the chats issue");
    }
}
