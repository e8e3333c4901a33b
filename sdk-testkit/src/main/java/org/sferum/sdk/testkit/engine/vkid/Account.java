package org.sferum.sdk.testkit.engine.vkid;

import java.util.Optional;

/** A VK ID account: its phone, its password (as a digest; none when never set) and its educational profile. */
final class Account {
    /** The smallest and largest accepted password length. */
    static final int MIN_PASSWORD = 6;
    static final int MAX_PASSWORD = 128;

    private final String phone;
    private String passwordDigest;
    private EduProfile profile;

    Account(String phone) {
        this.phone = phone;
    }

    String phone() {
        return phone;
    }

    boolean hasPassword() {
        return passwordDigest != null;
    }

    boolean passwordMatches(String password) {
        return password != null && RandomSecrets.same(passwordDigest, RandomSecrets.sha256(password));
    }

    void setPassword(String password) {
        this.passwordDigest = RandomSecrets.sha256(password);
    }

    Optional<EduProfile> profile() {
        return Optional.ofNullable(profile);
    }

    void setProfile(EduProfile value) {
        this.profile = value;
    }

    @Override
    public String toString() {
        return "Account[" + Phones.mask(phone) + ", profile=" + (profile == null ? "none" : profile.user()) + "]";
    }
}
