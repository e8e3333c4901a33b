/** The in-memory fake of the SDK. */
package org.sferum.sdk.testkit.fake;
