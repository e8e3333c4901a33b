/** The JUnit 5 extension of the testkit. */
package org.sferum.sdk.testkit.junit;
