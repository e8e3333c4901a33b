package org.sferum.sdk.calls;

import org.sferum.sdk.internal.Checks;

/**
 * The ways into a running call (F-CALL-03): Sferum's call page in a browser, the desktop app «Звонки Сферум», the
 * OK link VK's {@code calls.start} also returns, and short credentials. They exist only from the moment the call
 * starts until it ends.
 *
 * @param browser the browser join link (VK's {@code join_link}); also the link to share (F-CALL-08)
 * @param app the deep link that opens the desktop app («Открыть приложение Сферум»)
 * @param ok the OK join link (VK's {@code ok_join_link})
 * @param shortCredentials an id and password to join without a link
 */
public record CallLinks(String browser, String app, String ok, ShortCredentials shortCredentials) {
    /**
     * Validates the fields.
     *
     * @param browser the browser join link
     * @param app the desktop app's deep link
     * @param ok the OK join link
     * @param shortCredentials an id and password to join without a link
     */
    public CallLinks {
        Checks.notNull(browser, "browser link");
        Checks.notNull(app, "app link");
        Checks.notNull(ok, "ok link");
        Checks.notNull(shortCredentials, "short credentials");
    }
}
