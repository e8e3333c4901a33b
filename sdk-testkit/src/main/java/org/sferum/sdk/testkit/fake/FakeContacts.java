package org.sferum.sdk.testkit.fake;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.sferum.sdk.contacts.Contacts;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.internal.Cursors;
import org.sferum.sdk.paging.Page;
import org.sferum.sdk.paging.PageRequest;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.UserId;

/** The fake's contacts: the engine's contact list of the acting user, paged by offset. */
final class FakeContacts implements Contacts {
    private final PlatformEngine engine;
    private final Supplier<UserId> actor;

    FakeContacts(PlatformEngine engine, Supplier<UserId> actor) {
        this.engine = engine;
        this.actor = actor;
    }

    @Override
    public Page<Person> list(PageRequest page) {
        Checks.notNull(page, "page request");
        List<Person> all = engine.users().contacts(actor.get());
        int from = (int) Math.min(all.size(), page.cursor().map(c -> Cursors.decode("c", c)).orElse(0L));
        int to = Math.min(all.size(), from + page.size());
        return new Page<>(all.subList(from, to),
                to < all.size() ? Optional.of(Cursors.encode("c", to)) : Optional.empty(),
                OptionalLong.of(all.size()));
    }
}
