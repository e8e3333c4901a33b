package org.sferum.sdk.core.wire;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets and personal data in text that came from outside the SDK (a service's {@code error_msg}, an
 * exception message) before it goes into a log line or an exception message: access tokens ({@code vk1.a.…}),
 * bearer credentials, long base64url strings, phone numbers, one-time codes and {@code access_token=…},
 * {@code code=…}-style parameters. It cannot recognise a message's text, so message text is never given to it:
 * the SDK never logs message text at all.
 */
public final class Redactor {
    /** What a masked part is replaced with. */
    public static final String MASK = "***";

    /** Longest text kept; the rest is cut, so a service cannot flood logs through one message. */
    public static final int MAX_LENGTH = 500;

    private static final Pattern SECRET_PARAM = Pattern.compile(
            "(?i)(\\b(?:access_token|refresh_token|id_token|token|code|code_verifier|device_id|client_secret"
                    + "|password|sms_code|auth_code|state)\\b[\"']?\\s*[=:]\\s*[\"']?)([^\\s&\"',;}]+)");
    private static final Pattern BEARER = Pattern.compile("(?i)(\\b(?:bearer|basic)\\s+)([^\\s\"',;]+)");
    private static final Pattern VK_TOKEN = Pattern.compile("vk\\d\\.[a-z]\\.[A-Za-z0-9_\\-.]+");
    private static final Pattern LONG_BASE64URL = Pattern.compile(
            "(?<![A-Za-z0-9_\\-])[A-Za-z0-9_\\-]{32,}(?![A-Za-z0-9_\\-])");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** Russian numbers (+7 912 345-67-89, 8 (912) 345-67-89, 89123456789) and other +-prefixed numbers. */
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w+])(?:\\+7|8|7)[\\s\\-]?\\(?\\d{3}\\)?[\\s\\-]?\\d{3}[\\s\\-]?\\d{2}[\\s\\-]?\\d{2}(?!\\d)"
                    + "|(?<![\\w+])\\+\\d(?:[\\s\\-()]*\\d){7,14}(?!\\d)");
    /** A one-time code written as words: "code 123456", "код: 1234", "SMS 5678". */
    private static final Pattern WORDED_CODE = Pattern.compile(
            // Word edges as lookarounds: since JDK 19 \b is ASCII-only and would miss Cyrillic words.
            "(?iu)((?<![\\p{L}\\d_])(?:code|codes|pin|otp|sms|код|кода|коду|кодом|смс|пароль)(?![\\p{L}\\d_])"
                    + "[^\\p{L}\\d\\n]{0,4})"
                    + "(\\d{4,8})(?!\\d)");

    private Redactor() {
    }

    /**
     * Returns the text with secrets and personal data masked, cut to {@link #MAX_LENGTH} characters.
     *
     * @param text the text, may be {@code null}
     * @return the redacted text; {@code ""} for {@code null}
     */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String out = text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "…" : text;
        out = VK_TOKEN.matcher(out).replaceAll(MASK);
        out = BEARER.matcher(out).replaceAll("$1" + MASK);
        out = SECRET_PARAM.matcher(out).replaceAll("$1" + MASK);
        out = maskLongStrings(out);
        out = PHONE.matcher(out).replaceAll(MASK);
        out = WORDED_CODE.matcher(out).replaceAll("$1" + MASK);
        return out;
    }

    private static String maskLongStrings(String text) {
        Matcher matcher = LONG_BASE64URL.matcher(text);
        if (!matcher.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        int last = 0;
        do {
            out.append(text, last, matcher.start());
            String found = matcher.group();
            out.append(UUID.matcher(found).matches() ? found : MASK);
            last = matcher.end();
        } while (matcher.find());
        return out.append(text, last, text.length()).toString();
    }
}
