package org.sferum.sdk.testkit.fake;

import java.util.function.Supplier;
import org.sferum.sdk.internal.SessionParts;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.UserId;

/**
 * A session of the fake: checks the token on every call, as the real service does. The token comes from a
 * supplier, so a linked account's session refreshes it as sdk-core does.
 */
final class FakeSession extends SessionParts {
    private final PlatformEngine engine;
    private final Supplier<UserId> actor;

    /** A session whose user is the one the engine authenticates with the token, on every call. */
    static FakeSession forToken(PlatformEngine engine, Supplier<AccessToken> token) {
        return new FakeSession(engine, () -> engine.users().authenticate(token.get().secret()));
    }

    private FakeSession(PlatformEngine engine, Supplier<UserId> actor) {
        super(new FakeChats(engine, actor), new FakeMessages(engine, actor), new FakeAttachments(engine, actor),
                new FakeCalls(engine, actor), new FakeContacts(engine, actor), new FakeNotifications(engine, actor),
                new FakeEvents(engine, actor));
        this.engine = engine;
        this.actor = actor;
    }

    @Override
    public org.sferum.sdk.account.Account account() {
        return new FakeAccount(engine, actor);
    }

    @Override
    public Person me() {
        return engine.users().person(actor.get());
    }
}
