/**
 * Calls over the VK API: lesson calls and the calls tab ({@code calls.createLessonCall}, {@code calls.getById},
 * {@code calls.list}, {@code calls.forceFinish}), as {@code docs/wire/calls.md} says; not exported.
 */
package org.sferum.sdk.core.calls;
