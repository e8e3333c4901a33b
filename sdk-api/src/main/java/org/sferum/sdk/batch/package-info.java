/**
 * Batches: several calls of one session sent together ({@link org.sferum.sdk.batch.Batch}), each with its own
 * result or error ({@link org.sferum.sdk.batch.Pending}).
 */
package org.sferum.sdk.batch;
