package org.sferum.sdk.emulator;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.RateLimitException;
import org.sferum.sdk.error.SferumException;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.sferum.sdk.testkit.vkid.VkIdLogin.Step;

/**
 * Reads the emulator's VK ID login pages as a browser's user would, but by their markers: the form (its action, its
 * step, the hidden flow id) and the error paragraph (its {@code ErrorCode}, the lock's remaining time, its text),
 * parsed with jsoup as a browser's HTML parser would.
 */
final class LoginPageReader {
    private LoginPageReader() {
    }

    /**
     * A page as read.
     *
     * @param form the step's form, if the page has one
     * @param error the refusal the page shows, if any
     */
    record Page(Optional<Form> form, Optional<SferumException> error) {
    }

    /**
     * A step's form.
     *
     * @param action where it posts, resolved against the page's URI
     * @param step the step it is
     * @param flowId the hidden flow id
     */
    record Form(URI action, Step step, String flowId) {
    }

    /**
     * Reads a page.
     *
     * @param html the page
     * @param pageUri where it was loaded from, to resolve the form's action
     * @return what it shows
     */
    static Page read(String html, URI pageUri) {
        Document page = Jsoup.parse(html, pageUri.toString());
        return new Page(form(page, pageUri), error(page));
    }

    private static Optional<Form> form(Document page, URI pageUri) {
        Element form = page.selectFirst("form[" + LoginForm.STEP_ATTRIBUTE + "]");
        if (form == null) {
            return Optional.empty();
        }
        Element flowId = form.selectFirst("input[name=" + LoginForm.FLOW_ID + "]");
        Step step;
        try {
            step = Step.valueOf(form.attr(LoginForm.STEP_ATTRIBUTE));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (flowId == null) {
            return Optional.empty();
        }
        String action = form.hasAttr("action") ? form.attr("action") : pageUri.getRawPath();
        return Optional.of(new Form(pageUri.resolve(action), step, flowId.attr("value")));
    }

    private static Optional<SferumException> error(Document page) {
        Element error = page.selectFirst("p.error");
        if (error == null) {
            return Optional.empty();
        }
        ErrorCode code;
        try {
            code = ErrorCode.valueOf(error.attr(LoginForm.CODE_ATTRIBUTE));
        } catch (IllegalArgumentException e) {
            code = ErrorCode.UNKNOWN;
        }
        String message = "VK ID refused the step: «" + error.text() + "»";
        if (code == ErrorCode.TOO_MANY_ATTEMPTS || code == ErrorCode.RATE_LIMITED) {
            Duration retryAfter = Optional.of(error.attr(LoginForm.RETRY_AFTER_ATTRIBUTE))
                    .filter(s -> s.matches("\\d{1,9}")).map(s -> Duration.ofSeconds(Long.parseLong(s)))
                    .orElse(null);
            return Optional.of(new RateLimitException(code, message, retryAfter, null, null, null));
        }
        return Optional.of(SferumException.of(code, message));
    }
}
