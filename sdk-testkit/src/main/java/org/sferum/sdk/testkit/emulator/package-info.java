/**
 * The wire emulator: the {@link org.sferum.sdk.testkit.engine.PlatformEngine} behind the VK API wire format
 * ({@code docs/wire/vk-api.md}) on a loopback HTTP server, so that sdk-core and third-party VK clients can be
 * tested without the real platform. Start it with {@link org.sferum.sdk.testkit.emulator.SferumEmulator} in a test,
 * or run {@link org.sferum.sdk.testkit.emulator.EmulatorMain} ({@code sferum-emulator.jar}) as a process.
 */
package org.sferum.sdk.testkit.emulator;
