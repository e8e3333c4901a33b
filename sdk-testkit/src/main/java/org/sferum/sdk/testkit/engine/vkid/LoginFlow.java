package org.sferum.sdk.testkit.engine.vkid;

import java.time.Instant;
import org.sferum.sdk.testkit.engine.vkid.VkIdService.AuthorizeRequest;
import org.sferum.sdk.testkit.vkid.VkIdLogin.Step;
import org.sferum.sdk.users.UserId;

/** One user's walk through the login pages for one authorization request. Guarded by the VK ID lock. */
final class LoginFlow {
    final String id;
    final AuthorizeRequest request;
    final Instant expiresAt;
    Step step = Step.PHONE;
    /** The normalised phone, from {@link Step#PASSWORD} or {@link Step#SMS_CODE} on. */
    String phone;
    /** The phone's account when it had one at the phone step; {@code null} in variant 3 until «Информация о себе». */
    Account account;
    /** The educational profile chosen or created, from {@link Step#CHECK_DATA} on. */
    UserId user;

    LoginFlow(String id, AuthorizeRequest request, Instant expiresAt) {
        this.id = id;
        this.request = request;
        this.expiresAt = expiresAt;
    }

    @Override
    public String toString() {
        return "LoginFlow[" + step + "]";
    }
}
