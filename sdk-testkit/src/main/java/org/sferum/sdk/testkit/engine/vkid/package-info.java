/**
 * VK ID as the engine models it (docs/wire/vk-id.md): {@link org.sferum.sdk.testkit.engine.vkid.VkIdService} and
 * its implementation over the {@link org.sferum.sdk.testkit.engine.PlatformEngine}, obtained with
 * {@link org.sferum.sdk.testkit.engine.PlatformEngine#vkId()}.
 */
package org.sferum.sdk.testkit.engine.vkid;
