/** Users over the VK API ({@code users.get}); not exported. */
package org.sferum.sdk.core.users;
