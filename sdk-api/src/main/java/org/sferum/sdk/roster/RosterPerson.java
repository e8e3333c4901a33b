package org.sferum.sdk.roster;

import java.util.Optional;
import org.sferum.sdk.internal.Checks;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * A person of the roster. The id is the person's school account: once that account is linked to VK ID (F-LINK)
 * the person takes part in their automatic chats; until then they are pending.
 *
 * @param id the school account (OneRoster {@code users.csv} {@code sourcedId})
 * @param givenName the given name, in any script
 * @param familyName the family name, in any script
 * @param role the role
 * @param schoolId the school the person belongs to, or {@code null} for a parent known only through a child
 * @param enabled whether the account is enabled ({@code enabledUser}); disabled people take part in nothing
 * @param phone the mobile phone, or {@code null}; never printed by {@link #toString()}
 */
public record RosterPerson(SchoolAccountId id, String givenName, String familyName, PersonRole role,
                           String schoolId, boolean enabled, String phone) {
    /**
     * Validates the fields.
     *
     * @param id the school account
     * @param givenName the given name
     * @param familyName the family name
     * @param role the role
     * @param schoolId the school, or {@code null} for a parent
     * @param enabled whether the account is enabled
     * @param phone the phone, or {@code null}
     */
    public RosterPerson {
        Checks.notNull(id, "person id");
        RosterIds.name(givenName, "given name of " + id.value());
        RosterIds.name(familyName, "family name of " + id.value());
        Checks.notNull(role, "role of " + id.value());
        if (schoolId != null) {
            RosterIds.check(schoolId, "school id");
        }
        Checks.require(schoolId != null || role.isParent(), org.sferum.sdk.error.ErrorCode.INVALID_ARGUMENT,
                "person " + id.value() + " is a " + role.name().toLowerCase(java.util.Locale.ROOT)
                        + " and needs a school");
        phone = phone == null || phone.isBlank() ? null : phone;
    }

    /**
     * Returns the school the person belongs to.
     *
     * @return the school's id, empty for a parent known only through a child
     */
    public Optional<String> school() {
        return Optional.ofNullable(schoolId);
    }

    /**
     * Returns the mobile phone, used to find the person's VK ID account.
     *
     * @return the phone, if the roster has one
     */
    public Optional<String> mobilePhone() {
        return Optional.ofNullable(phone);
    }

    /**
     * Describes the person without the phone.
     *
     * @return id, role and school
     */
    @Override
    public String toString() {
        return "RosterPerson[" + id.value() + ", " + role + ", school=" + schoolId + ", enabled=" + enabled + "]";
    }
}
