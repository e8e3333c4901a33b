package org.sferum.sdk.testkit.vkid;

import java.net.URI;
import java.util.Optional;

/**
 * The VK ID side of a face under test: opens the login pages for an authorization URI, reads the SMS codes the
 * platform sent, and creates VK ID accounts. Implemented over the engine (fake) and over the emulator's pages and
 * control API.
 */
public interface VkIdUsers {

    /**
     * Opens VK ID at the authorization URI the school system redirected to.
     *
     * @param authorizationUri from {@code LinkStart.authorizationUri()}
     * @return the user on the first page
     */
    VkIdLogin open(URI authorizationUri);

    /**
     * Returns the last SMS code sent to a phone.
     *
     * @param phone the phone, in any accepted format
     * @return the code, if one was sent
     */
    Optional<String> lastSmsCode(String phone);

    /**
     * Creates a VK ID account with a password and no educational profile (variant 2).
     *
     * @param phone the phone
     * @param password the password
     */
    void createAccountWithoutProfile(String phone, String password);
}
