/**
 * The MAX messenger backend (F-EMB-08): a school's bot over the MAX Bot API ({@code shared/max-api-schema},
 * OpenAPI 0.0.33), behind the same interfaces as the VK backend. Selected with {@code Endpoints.max(…)}; what it
 * carries and what it refuses: {@code docs/backends.md}. Internal: not exported.
 */
package org.sferum.sdk.core.max;
