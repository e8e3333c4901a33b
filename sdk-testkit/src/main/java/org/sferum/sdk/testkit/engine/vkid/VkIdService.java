package org.sferum.sdk.testkit.engine.vkid;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sferum.sdk.error.AuthenticationException;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.RateLimitException;
import org.sferum.sdk.error.RelinkRequiredException;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.testkit.vkid.VkIdLogin;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.Role;
import org.sferum.sdk.users.UserId;

/**
 * VK ID as the engine models it (docs/wire/vk-id.md): clients, accounts with phones and passwords, educational
 * profiles, the login flow of the manuals, SMS codes, authorization codes with PKCE, access and refresh tokens.
 * Every rule of linking lives here once; the fake's {@code VkIdUsers} and the emulator's pages and
 * {@code /oauth2/*} endpoints only translate. Thread-safe; time from the engine's clock.
 *
 * <p>Failures are {@link SferumException}s with the linking codes of
 * {@link ErrorCode} (for example {@code WRONG_PASSWORD}, {@code PKCE_MISMATCH},
 * {@code TOO_MANY_ATTEMPTS} as a {@link RateLimitException} with the lock's remaining time).
 * Refusals of {@link #authorize} and of the token endpoints also carry their wire cause: {@link GrantError#of}
 * gives the OAuth {@code error} and the {@code error_reason}. Messages never hold a phone, a password, a code or a
 * token.
 *
 * <p>The login pages: each step method checks that the flow is on its step ({@code CONFLICT} otherwise; an
 * unknown or expired flow is {@code NOT_FOUND}) and returns the next step; a refused step leaves the flow where it
 * was. Password and SMS code steps are refused with {@code TOO_MANY_ATTEMPTS} while the phone is locked: the
 * fifth wrong password or code in a row is still reported as wrong and locks the phone for 15 minutes. An SMS code
 * that expired, was used or was replaced is {@code SMS_CODE_EXPIRED} (not counted as an attempt).
 */
public interface VkIdService {

    /**
     * Registers an application (a school system) and its redirect URIs.
     *
     * @param clientId the application id
     * @param redirectUris the exact redirect URIs (for loopback hosts the port is ignored)
     */
    void registerClient(String clientId, List<URI> redirectUris);

    /**
     * Creates a VK ID account. With a profile, also a platform user (an educational profile) usable in chats.
     *
     * @param phone the phone, any accepted format
     * @param password the password; empty for an account that never set one
     * @param profile the educational profile to create with it, if any
     * @return the profile's user id, when one was created
     * @throws ValidationException with {@code INVALID_PHONE}, {@code INVALID_ARGUMENT} (a
     *     password not 6 to 128 characters) or {@code INVALID_PERSONAL_DATA}
     * @throws ConflictException with {@code CONFLICT} when the phone has an account
     */
    Optional<UserId> createAccount(String phone, Optional<String> password, Optional<NewProfile> profile);

    /**
     * Gives an existing platform user (an educational profile) a VK ID account, as the demo seed does.
     *
     * @param phone the phone
     * @param password the password
     * @param profile the existing user
     * @throws ConflictException with {@code CONFLICT} when the phone or the user already has
     *     an account
     */
    void attachAccount(String phone, String password, UserId profile);

    /**
     * Starts a login for an authorization request ({@code GET /authorize}).
     *
     * @param request the request's parameters
     * @return the flow's id, to pass to the step methods
     * @throws ValidationException with {@code INVALID_ARGUMENT} for an unknown client or an
     *     unregistered redirect URI (shown as a page, never redirected: {@link GrantError#shownAsPage()}), or a
     *     missing state or challenge, or a method other than S256 (redirected as {@code invalid_request})
     */
    String authorize(AuthorizeRequest request);

    /**
     * Returns how many logins are live (started by {@code /authorize}, neither ended nor expired nor dropped); never
     * more than {@link VkIdEngine#MAX_LIVE_LOGINS}.
     *
     * @return the count
     */
    int liveLogins();

    /**
     * Returns the step a flow is on.
     *
     * @param flowId the flow
     * @return the step
     */
    VkIdLogin.Step step(String flowId);

    /**
     * Enters the phone.
     *
     * @param flowId the flow
     * @param phone the phone as typed
     * @return {@code PASSWORD} for a phone with a VK ID (with or without a password: the page offers «Забыли или не
     *     установили пароль?»), or {@code SMS_CODE} for a phone without one, to which a code is sent
     * @throws ValidationException with {@code INVALID_PHONE} for a malformed phone
     */
    VkIdLogin.Step enterPhone(String flowId, String phone);

    /**
     * Enters the password.
     *
     * @param flowId the flow
     * @param password the password
     * @return {@code SMS_CODE}; a code is sent
     * @throws AuthenticationException with {@code WRONG_PASSWORD}
     */
    VkIdLogin.Step enterPassword(String flowId, String password);

    /**
     * Starts the password reset: sends an SMS code. Also on the reset step, to send a new code.
     *
     * @param flowId the flow
     * @return {@code RESET_PASSWORD}
     */
    VkIdLogin.Step forgotPassword(String flowId);

    /**
     * Finishes the password reset.
     *
     * @param flowId the flow
     * @param smsCode the code
     * @param newPassword the new password, 6 to 128 characters
     * @return {@code CHOOSE_PROFILE} or {@code CREATE_PROFILE}
     * @throws AuthenticationException with {@code WRONG_SMS_CODE} or {@code SMS_CODE_EXPIRED}
     * @throws ValidationException with {@code INVALID_ARGUMENT} for an unacceptable password
     */
    VkIdLogin.Step resetPassword(String flowId, String smsCode, String newPassword);

    /**
     * Enters the SMS code.
     *
     * @param flowId the flow
     * @param smsCode the code
     * @return {@code CHOOSE_PROFILE} (variant 1), {@code CREATE_PROFILE} (variant 2) or {@code ABOUT_YOU} (variant 3)
     * @throws AuthenticationException with {@code WRONG_SMS_CODE} or {@code SMS_CODE_EXPIRED}
     */
    VkIdLogin.Step enterSmsCode(String flowId, String smsCode);

    /**
     * Sends a new SMS code, replacing the last one («Код истёк, запросите новый»): on the SMS code or reset step.
     *
     * @param flowId the flow
     * @return the step, unchanged
     */
    VkIdLogin.Step resendSmsCode(String flowId);

    /**
     * «Продолжить в учебном профиле».
     *
     * @param flowId the flow
     * @return the next step
     */
    VkIdLogin.Step continueInProfile(String flowId);

    /**
     * «Создать учебный профиль».
     *
     * @param flowId the flow
     * @return the next step
     */
    VkIdLogin.Step createProfile(String flowId);

    /**
     * «Информация о себе»: creates the educational profile (a platform user with the role {@code STUDENT} until
     * the school system gives the real one with the link) and, in variant 3, the VK ID account without a password.
     *
     * @param flowId the flow
     * @param data the personal data
     * @return {@code CHECK_DATA}
     * @throws ValidationException with {@code INVALID_PERSONAL_DATA} for a blank name or an
     *     implausible birth date (not in the past, or more than 120 years ago)
     */
    VkIdLogin.Step aboutYou(String flowId, VkIdLogin.AboutYou data);

    /**
     * Returns the personal data the check-data page shows.
     *
     * @param flowId the flow
     * @return the profile's person
     */
    Person checkData(String flowId);

    /**
     * Confirms: issues an authorization code and ends the flow.
     *
     * @param flowId the flow
     * @return where to redirect, with what
     */
    AuthorizationResult confirm(String flowId);

    /**
     * Cancels: ends the flow with {@code access_denied}.
     *
     * @param flowId the flow
     * @return where to redirect, with what
     */
    AuthorizationResult cancel(String flowId);

    /**
     * Exchanges an authorization code ({@code grant_type=authorization_code}).
     *
     * @param clientId the client
     * @param code the code
     * @param codeVerifier the PKCE verifier
     * @param redirectUri the redirect URI of the authorization
     * @param deviceId the device id from the redirect
     * @return the tokens
     * @throws AuthenticationException with {@code AUTHORIZATION_CODE_INVALID} (unknown, used,
     *     expired, another client or device; a replay also revokes the tokens the code gave), {@code PKCE_MISMATCH}
     *     or {@code REDIRECT_URI_MISMATCH}
     * @throws ValidationException with {@code INVALID_ARGUMENT} for a missing parameter or an
     *     unknown client
     */
    TokenGrant exchangeCode(String clientId, String code, String codeVerifier, String redirectUri, String deviceId);

    /**
     * Refreshes tokens ({@code grant_type=refresh_token}); the old refresh token stops working.
     *
     * @param clientId the client
     * @param refreshToken the refresh token
     * @param deviceId the device id
     * @return the new tokens, without ID token claims
     * @throws RelinkRequiredException for a refresh token that is unknown, already used,
     *     revoked or older than 60 days
     */
    TokenGrant refresh(String clientId, String refreshToken, String deviceId);

    /**
     * Revokes an access token, the other access tokens and every refresh token of its grant
     * ({@code /oauth2/revoke}). An expired access token still names its grant.
     *
     * @param accessToken the access token
     * @throws AuthenticationException with {@code AUTHENTICATION_FAILED} for an unknown,
     *     ended or revoked token
     */
    void revoke(String accessToken);

    /**
     * Ends an access token ({@code /oauth2/logout}); its refresh token stays usable.
     *
     * @param accessToken the access token
     * @throws AuthenticationException with {@code AUTHENTICATION_FAILED} for an unknown,
     *     ended or revoked token
     */
    void logout(String accessToken);

    /**
     * The educational profile an access token acts for ({@code /oauth2/user_info}).
     *
     * @param accessToken the access token
     * @return the profile
     * @throws AuthenticationException with {@code AUTHENTICATION_FAILED} or
     *     {@code TOKEN_EXPIRED}
     */
    ProfileInfo userInfo(String accessToken);

    /**
     * Returns the last SMS code sent to a phone.
     *
     * @param phone the phone, any accepted format
     * @return the code, even when used or expired; empty when none was sent
     * @throws ValidationException with {@code INVALID_PHONE} for a malformed phone
     */
    Optional<String> lastSmsCode(String phone);

    /**
     * Returns the last SMS code sent to a phone with the time it was sent.
     *
     * @param phone the phone, any accepted format
     * @return the code and when it was sent (the engine's clock), even when used or expired; empty when none was sent
     * @throws ValidationException with {@code INVALID_PHONE} for a malformed phone
     */
    Optional<SentSmsCode> lastSms(String phone);

    /**
     * Returns the last SMS code sent to the phone a login is on: a demo emulator shows it on its own SMS page,
     * clearly marked, in place of the phone (docs/wire/vk-id.md).
     *
     * @param flowId the login
     * @return the code, empty when none was sent or the login is unknown
     */
    Optional<String> smsCodeOfLogin(String flowId);

    /**
     * An SMS code as sent; {@link #toString()} leaves the code out.
     *
     * @param code the code
     * @param sentAt when it was sent, on the engine's clock
     */
    record SentSmsCode(String code, Instant sentAt) {
        /**
         * Validates the fields.
         *
         * @param code the code
         * @param sentAt when it was sent
         */
        public SentSmsCode {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(sentAt, "sentAt");
        }

        @Override
        public String toString() {
            return "SentSmsCode[code=(hidden), sentAt=" + sentAt + "]";
        }
    }

    /**
     * An educational profile to create with an account.
     *
     * @param firstName the name
     * @param lastName the surname
     * @param patronymic the patronymic
     * @param birthDate the birth date, DD.MM.YYYY
     * @param female whether female
     * @param role the school role
     */
    record NewProfile(String firstName, String lastName, Optional<String> patronymic, String birthDate,
                      boolean female, Role role) {
    }

    /**
     * The parameters of {@code GET /authorize}.
     *
     * @param clientId the client
     * @param redirectUri the redirect URI
     * @param state the state
     * @param codeChallenge the PKCE challenge
     * @param codeChallengeMethod the method, S256
     * @param scope the scope
     * @param nonce the nonce, copied into the ID token
     */
    record AuthorizeRequest(String clientId, String redirectUri, String state, String codeChallenge,
                            String codeChallengeMethod, String scope, Optional<String> nonce) {
    }

    /**
     * The end of a flow: the redirect back.
     *
     * @param redirectUri where to
     * @param state the state to echo
     * @param code the code, when confirmed
     * @param deviceId the device id, when confirmed
     * @param expiresIn the code's lifetime in seconds, when confirmed
     * @param error the OAuth error, when cancelled
     * @param user the educational profile that signed in, when confirmed (the VK ID pages keep a browser session
     *             for it, docs/wire/call-page.md)
     */
    record AuthorizationResult(String redirectUri, String state, Optional<String> code, Optional<String> deviceId,
                               long expiresIn, Optional<String> error, Optional<UserId> user) {
    }

    /**
     * Issued tokens.
     *
     * @param accessToken the access token (also valid on the VK API)
     * @param refreshToken the refresh token
     * @param expiresIn the access token's lifetime in seconds
     * @param user the educational profile's user id
     * @param scope the granted scope
     * @param idToken the ID token's claims (code exchange only)
     */
    record TokenGrant(String accessToken, String refreshToken, long expiresIn, UserId user, String scope,
                      Optional<IdTokenClaims> idToken) {
        @Override
        public String toString() {
            return "TokenGrant[user=" + user + ", secrets redacted]";
        }
    }

    /**
     * The claims of an ID token before signing (the emulator signs them; the fake has no use for a signature).
     *
     * @param audience the client id
     * @param subject the user id
     * @param issuedAt unix seconds
     * @param expiresAt unix seconds
     * @param nonce the nonce of the authorization, if any
     */
    record IdTokenClaims(String audience, String subject, long issuedAt, long expiresAt, Optional<String> nonce) {
    }

    /**
     * What {@code /oauth2/user_info} tells of the educational profile.
     *
     * @param person the profile
     * @param maskedPhone the phone, masked: {@code +7 *** ***-**-01}
     * @param birthDate DD.MM.YYYY; empty when the profile never gave one (profiles a seed attached)
     * @param female whether female ({@code false} also when unknown)
     */
    record ProfileInfo(Person person, String maskedPhone, String birthDate, boolean female) {
    }
}
