/** The per-user session over the wire and the sub-clients a later issue delivers; not exported. */
package org.sferum.sdk.core.session;
