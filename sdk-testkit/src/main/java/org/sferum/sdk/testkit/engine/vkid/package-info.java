/**
 * VK ID as the engine models it (docs/wire/vk-id.md): {@link org.sferum.sdk.testkit.engine.vkid.VkIdService} and
 * its implementation over the {@code PlatformEngine}, obtained with
 * {@code PlatformEngine.vkId()}.
 */
package org.sferum.sdk.testkit.engine.vkid;
