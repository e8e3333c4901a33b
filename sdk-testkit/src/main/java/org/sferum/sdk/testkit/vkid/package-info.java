/** VK ID's user-facing side, as tests drive it: the linking pages step by step, SMS codes, accounts. */
package org.sferum.sdk.testkit.vkid;
