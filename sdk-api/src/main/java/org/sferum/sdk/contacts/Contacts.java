package org.sferum.sdk.contacts;

import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.users.Person;

/** The people with an educational profile the current user can reach (F-ACC-01). */
public interface Contacts {

    /**
     * Lists the user's contacts, by name.
     *
     * <p>Needs {@link org.sferum.sdk.Capability#CONTACTS}.
     *
     * @param page which page
     * @return the page
     */
    Page<Person> list(PageRequest page);
}
