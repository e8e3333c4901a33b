package org.sferum.sdk.testkit.engine.vkid;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.sferum.sdk.error.ConflictException;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.users.UserId;

/** The VK ID accounts, by phone and by educational profile. Guarded by the VK ID lock. */
final class Accounts {
    private final Map<String, Account> byPhone = new HashMap<>();
    private final Map<UserId, Account> byUser = new HashMap<>();

    /**
     * Finds an account.
     *
     * @param phone the normalised phone
     * @return the account, if the phone has one
     */
    Optional<Account> find(String phone) {
        return Optional.ofNullable(byPhone.get(phone));
    }

    /**
     * Finds the account of an educational profile.
     *
     * @param user the profile's user
     * @return the account, if any
     */
    Optional<Account> ofUser(UserId user) {
        return Optional.ofNullable(byUser.get(user));
    }

    /**
     * Creates an account.
     *
     * @param phone the normalised phone
     * @param password the password, already checked with {@link #checkPassword}, or {@code null} for none
     * @return the account
     * @throws ConflictException when the phone already has an account
     */
    Account create(String phone, String password) {
        if (byPhone.containsKey(phone)) {
            throw new ConflictException(ErrorCode.CONFLICT, "this phone already has a VK ID account");
        }
        Account account = new Account(phone);
        if (password != null) {
            account.setPassword(password);
        }
        byPhone.put(phone, account);
        return account;
    }

    /**
     * Gives an account its educational profile.
     *
     * @param account the account, without a profile
     * @param profile the profile, of a user no other account has
     * @throws ConflictException when the account has a profile or the user belongs to another account
     */
    void attach(Account account, EduProfile profile) {
        if (account.profile().isPresent()) {
            throw new ConflictException(ErrorCode.CONFLICT,
                    "this phone's VK ID already has an educational profile; continue in it instead");
        }
        if (byUser.containsKey(profile.user())) {
            throw new ConflictException(ErrorCode.CONFLICT,
                    "user " + profile.user().value() + " already belongs to another VK ID account");
        }
        account.setProfile(profile);
        byUser.put(profile.user(), account);
    }

    /**
     * Checks that there is room for an account: neither the phone nor the user has one yet.
     *
     * @param phone the normalised phone
     * @param user the profile's user, or {@code null}
     * @throws ConflictException otherwise
     */
    void checkFree(String phone, UserId user) {
        if (byPhone.containsKey(phone)) {
            throw new ConflictException(ErrorCode.CONFLICT, "this phone already has a VK ID account");
        }
        if (user != null && byUser.containsKey(user)) {
            throw new ConflictException(ErrorCode.CONFLICT,
                    "user " + user.value() + " already belongs to another VK ID account");
        }
    }

    /**
     * Checks a new password.
     *
     * @param password the password
     * @return the password
     * @throws ValidationException with {@code INVALID_ARGUMENT} unless it is {@value Account#MIN_PASSWORD} to
     *     {@value Account#MAX_PASSWORD} characters and not blank
     */
    static String checkPassword(String password) {
        if (password == null || password.isBlank() || password.length() < Account.MIN_PASSWORD
                || password.length() > Account.MAX_PASSWORD) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "the password must be "
                    + Account.MIN_PASSWORD + " to " + Account.MAX_PASSWORD + " characters and not blank");
        }
        return password;
    }
}
