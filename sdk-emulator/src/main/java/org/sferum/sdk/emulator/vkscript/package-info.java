/**
 * VKScript, the language of the VK API method {@code execute} ({@code docs/wire/vk-api.md}, "execute"): a small
 * lexer, a recursive-descent parser with a cap on nesting depth, and a tree-walking interpreter over Jackson nodes
 * with VK's limits (25 API calls, 1,000 operations). {@link org.sferum.sdk.emulator.vkscript.VkScript} runs
 * a program; its API calls go out through an {@link org.sferum.sdk.emulator.vkscript.ApiGateway}, which the
 * emulator backs with its method table.
 */
package org.sferum.sdk.emulator.vkscript;
