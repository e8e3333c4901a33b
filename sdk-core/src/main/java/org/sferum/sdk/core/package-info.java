/**
 * The real client of the Sferum SDK. Build one {@link org.sferum.sdk.core.SferumClient} per application with
 * {@link org.sferum.sdk.core.SferumClient#builder()}, share it, and close it when the application stops.
 */
package org.sferum.sdk.core;
