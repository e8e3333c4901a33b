package org.sferum.sdk.testkit.fake;

import java.util.function.Supplier;
import org.sferum.sdk.account.Account;
import org.sferum.sdk.account.Feedback;
import org.sferum.sdk.account.FeedbackTicket;
import org.sferum.sdk.account.Support;
import org.sferum.sdk.account.SupportContacts;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.testkit.engine.PlatformEngine;
import org.sferum.sdk.users.UserId;

/** The fake's account and support (F-ACC-03) over the engine's {@code SupportService}. */
final class FakeAccount implements Account, Support {
    private final PlatformEngine engine;
    private final Supplier<UserId> actor;

    FakeAccount(PlatformEngine engine, Supplier<UserId> actor) {
        this.engine = engine;
        this.actor = actor;
    }

    @Override
    public Support support() {
        return this;
    }

    @Override
    public SupportContacts contacts() {
        return engine.support().contacts(actor.get());
    }

    @Override
    public FeedbackTicket sendFeedback(Feedback feedback) {
        return engine.support().submit(actor.get(), Checks.notNull(feedback, "feedback"));
    }
}
