package org.sferum.sdk.account;

import java.net.URI;
import org.sferum.sdk.internal.Checks;

/**
 * Where users get help: the help centre, the support address and the support phone.
 *
 * @param helpCenter the help centre's page (answers to common questions)
 * @param email the support address
 * @param phone the support phone, as the platform writes it
 */
public record SupportContacts(URI helpCenter, String email, String phone) {
    /**
     * Validates the fields.
     *
     * @param helpCenter the help centre
     * @param email the address
     * @param phone the phone
     */
    public SupportContacts {
        Checks.notNull(helpCenter, "help centre");
        Checks.notNull(email, "support email");
        Checks.notNull(phone, "support phone");
    }
}
