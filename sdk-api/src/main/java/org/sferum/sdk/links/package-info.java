/** Linking school accounts to VK ID educational profiles. */
package org.sferum.sdk.links;
