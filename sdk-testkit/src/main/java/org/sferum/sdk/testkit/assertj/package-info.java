/**
 * AssertJ assertions on what the fake or the emulator holds: {@link
 * org.sferum.sdk.testkit.assertj.SferumAssertions#assertThat(org.sferum.sdk.messages.Message)} and its siblings.
 * Their failure messages say what the platform holds, not just that something differs.
 */
package org.sferum.sdk.testkit.assertj;
