/**
 * The exception hierarchy: one unchecked root, {@link org.sferum.sdk.error.SferumException}, with a stable
 * {@link org.sferum.sdk.error.ErrorCode} and one subclass per {@link org.sferum.sdk.error.ErrorCategory}.
 */
package org.sferum.sdk.error;
