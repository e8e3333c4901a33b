package org.sferum.sdk.testkit.assertj;

import org.assertj.core.api.AbstractAssert;
import org.sferum.sdk.calls.Call;
import org.sferum.sdk.calls.CallState;

/**
 * Assertions on a call, as it was when it was read (a {@link Call} is a value: read it again to see a later state);
 * failures show the call.
 */
public final class CallAssert extends AbstractAssert<CallAssert, Call> {
    CallAssert(Call actual) {
        super(actual, CallAssert.class);
    }

    /**
     * Checks that the call is running: started, not ended.
     *
     * @return this
     */
    public CallAssert isRunning() {
        return hasState(CallState.RUNNING);
    }

    /**
     * Checks that the call is scheduled: created, its start not reached.
     *
     * @return this
     */
    public CallAssert isScheduled() {
        return hasState(CallState.SCHEDULED);
    }

    /**
     * Checks that the call has ended.
     *
     * @return this
     */
    public CallAssert isEnded() {
        return hasState(CallState.ENDED);
    }

    /**
     * Checks the call's state.
     *
     * @param state the state
     * @return this
     */
    public CallAssert hasState(CallState state) {
        isNotNull();
        if (actual.state() != state) {
            failWithMessage("Expected the call to be %s, but it is %s: %s", state, actual.state(), show());
        }
        return this;
    }

    /**
     * Checks the call's title.
     *
     * @param title the title
     * @return this
     */
    public CallAssert hasTitle(String title) {
        isNotNull();
        if (!actual.title().equals(title)) {
            failWithMessage("Expected the call's title to be «%s», but it is «%s»: %s", title, actual.title(), show());
        }
        return this;
    }

    /**
     * Checks who organises the call.
     *
     * @param organiser a {@link org.sferum.sdk.testkit.SeededUser}, a {@link org.sferum.sdk.users.Person} or a
     *     {@link org.sferum.sdk.users.UserId}
     * @return this
     */
    public CallAssert isOrganisedBy(Object organiser) {
        isNotNull();
        if (!actual.organiser().equals(Users.id(organiser))) {
            failWithMessage("Expected the call to be organised by %s, but it is organised by user %s: %s",
                    Users.describe(organiser), actual.organiser().value(), show());
        }
        return this;
    }

    private String show() {
        return "call " + actual.id() + " «" + actual.title() + "» (" + actual.kind() + ", " + actual.state()
                + ", organiser user " + actual.organiser().value() + ", starts " + actual.startsAt()
                + actual.endedAt().map(at -> ", ended " + at).orElse("") + ")";
    }
}
