package org.sferum.sdk.emulator;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.RateLimitException;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.testkit.vkid.VkIdLogin.Step;

/**
 * Reads the emulator's VK ID login pages as a browser's user would, but by their markers: the form (its action, its
 * step, the hidden flow id) and the error paragraph (its {@code ErrorCode}, the lock's remaining time, its text).
 */
final class LoginPageReader {
    private static final Pattern FORM = Pattern.compile("<form\\b([^>]*)>");
    private static final Pattern INPUT = Pattern.compile("<input\\b([^>]*)>");
    private static final Pattern ERROR = Pattern.compile("<p\\b([^>]*\\bclass=\"error\"[^>]*)>(.*?)</p>",
            Pattern.DOTALL);
    private static final Pattern ATTRIBUTE = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*)=\"([^\"]*)\"");

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
        return new Page(form(html, pageUri), error(html));
    }

    private static Optional<Form> form(String html, URI pageUri) {
        Matcher form = FORM.matcher(html);
        if (!form.find()) {
            return Optional.empty();
        }
        Map<String, String> attributes = attributes(form.group(1));
        String flowId = null;
        Matcher input = INPUT.matcher(html);
        while (input.find()) {
            Map<String, String> inputAttributes = attributes(input.group(1));
            if (LoginForm.FLOW_ID.equals(inputAttributes.get("name"))) {
                flowId = inputAttributes.get("value");
                break;
            }
        }
        Step step;
        try {
            step = Step.valueOf(attributes.getOrDefault(LoginForm.STEP_ATTRIBUTE, ""));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (flowId == null) {
            return Optional.empty();
        }
        URI action = pageUri.resolve(attributes.getOrDefault("action", pageUri.getRawPath()));
        return Optional.of(new Form(action, step, flowId));
    }

    private static Optional<SferumException> error(String html) {
        Matcher error = ERROR.matcher(html);
        if (!error.find()) {
            return Optional.empty();
        }
        Map<String, String> attributes = attributes(error.group(1));
        ErrorCode code;
        try {
            code = ErrorCode.valueOf(attributes.getOrDefault(LoginForm.CODE_ATTRIBUTE, ""));
        } catch (IllegalArgumentException e) {
            code = ErrorCode.UNKNOWN;
        }
        String message = "VK ID refused the step: «" + Html.unescape(error.group(2).strip()) + "»";
        if (code == ErrorCode.TOO_MANY_ATTEMPTS || code == ErrorCode.RATE_LIMITED) {
            Duration retryAfter = Optional.ofNullable(attributes.get(LoginForm.RETRY_AFTER_ATTRIBUTE))
                    .filter(s -> s.matches("\\d{1,9}")).map(s -> Duration.ofSeconds(Long.parseLong(s)))
                    .orElse(null);
            return Optional.of(new RateLimitException(code, message, retryAfter, null, null, null));
        }
        return Optional.of(SferumException.of(code, message));
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new HashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(tag);
        while (attribute.find()) {
            attributes.put(attribute.group(1), Html.unescape(attribute.group(2)));
        }
        return attributes;
    }
}
