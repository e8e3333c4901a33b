/**
 * The VK API wire (not exported): the caller with its envelope parsing, error table, retries, interceptors and
 * redacted logging, and the small helpers the sub-clients share. The contract is {@code docs/wire/vk-api.md}.
 */
package org.sferum.sdk.core.wire;
