/**
 * The wire emulator: the {@link org.sferum.sdk.testkit.engine.PlatformEngine} behind the VK API wire format
 * ({@code docs/wire/vk-api.md}) and VK ID's ({@code docs/wire/vk-id.md}: the login pages, the {@code /oauth2/*}
 * endpoints, RS256 ID tokens and their JWKS, CORS) on a loopback HTTP or HTTPS server, so that sdk-core and
 * third-party VK clients can be tested without the real platform. Start it with
 * {@link org.sferum.sdk.emulator.SferumEmulator} in a test, or run
 * {@link org.sferum.sdk.emulator.EmulatorMain} ({@code sferum-emulator.jar}) as a process; walk its VK ID
 * pages with {@link org.sferum.sdk.emulator.EmulatorVkIdUsers}.
 */
package org.sferum.sdk.emulator;
