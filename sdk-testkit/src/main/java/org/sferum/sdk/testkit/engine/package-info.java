/** The engine: the in-memory model of the platform where every rule is enforced once. */
package org.sferum.sdk.testkit.engine;
