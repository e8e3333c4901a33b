/** The Sferum SDK testkit: demo school, test clock, fake, emulator, JUnit extension and contract tests. */
package org.sferum.sdk.testkit;
