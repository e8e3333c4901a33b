/**
 * Drivers of what happens outside the SDK in a call: anonymous guests joining by link through Sferum's call page.
 * Contract tests use them through {@link org.sferum.sdk.testkit.contract.SferumFixture#guests()}.
 */
package org.sferum.sdk.testkit.calls;
