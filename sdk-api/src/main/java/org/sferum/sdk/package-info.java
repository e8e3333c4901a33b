/**
 * The Sferum SDK's public API: the {@link org.sferum.sdk.Sferum} entry point and the per-user
 * {@link org.sferum.sdk.SferumSession}.
 */
package org.sferum.sdk;
