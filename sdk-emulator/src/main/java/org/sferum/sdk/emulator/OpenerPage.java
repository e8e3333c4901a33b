package org.sferum.sdk.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.sferum.sdk.testkit.engine.vkid.VkIdService.AuthorizationResult;

/**
 * The last step of a login that the VK ID Web SDK opened in a new tab or window ({@code /authorize} with
 * {@code origin}; {@code docs/wire/vk-id.md}, "The VK ID Web SDK's modes"): instead of redirecting, a small page
 * posts the result to {@code window.opener}, addressed to the origin of the validated redirect URI (never to the
 * {@code origin} parameter), and falls back to the redirect when there is no opener. The emulator's strict
 * {@code Content-Security-Policy} ({@code default-src 'none'}) would block the page's inline script, so the page is
 * sent with that policy plus {@code script-src} naming the SHA-256 hash of exactly its script: nothing else on the
 * page (an injected element, say) can run.
 */
final class OpenerPage {
    /** The prefix of the posted message's {@code action}; the request's {@code state} follows it. */
    static final String ACTION_PREFIX = "oauth2_authorize_response";
    /** The {@code /authorize} parameter that selects this answer. */
    static final String ORIGIN_PARAM = "origin";
    /** At most this many logins remember that they answer with this page; the oldest is forgotten first. */
    static final int MAX_REMEMBERED = 10_000;

    private final Set<String> flows = Collections.newSetFromMap(Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > MAX_REMEMBERED;
                }
            }));

    /**
     * Remembers that a login was opened by the SDK with {@code origin}.
     *
     * @param flowId the login's flow id
     */
    void remember(String flowId) {
        flows.add(flowId);
    }

    /**
     * Tells whether a login ends with this page, and forgets it.
     *
     * @param flowId the login's flow id
     * @return whether its {@code /authorize} carried {@code origin}
     */
    boolean take(String flowId) {
        return flows.remove(flowId);
    }

    /**
     * The page with the content security policy that lets exactly its one inline script run.
     *
     * @param html the HTML page
     * @param contentSecurityPolicy the policy to send with it: the emulator's strict default plus
     *     {@code script-src 'sha256-…'} of this page's script
     */
    record Answer(String html, String contentSecurityPolicy) {
    }

    /**
     * What {@code vkidOpener.jte} shows.
     *
     * @param fallback the redirect URI with the result, the link for a window without an opener (escaped there)
     * @param script the script, JavaScript made here whose values are JSON safe inside {@code <script>}; written as
     *     it is, since the policy names the hash of exactly this text
     */
    record View(String fallback, String script) {
    }

    /**
     * Builds the page for the end of a login.
     *
     * @param result the engine's result (a code or an error), with the validated redirect URI
     * @param redirect the redirect URI with the result in its query, for the fallback
     * @return the HTML page and the policy that allows its script (and no other)
     */
    static Answer page(AuthorizationResult result, String redirect) {
        ObjectNode payload = JsonNodes.object();
        if (result.code().isPresent()) {
            payload.put("code", result.code().get());
            payload.put("state", result.state());
            result.deviceId().ifPresent(id -> payload.put("device_id", id));
            payload.put("expires_in", result.expiresIn());
            payload.put("type", RedirectUris.CODE_TYPE);
        } else {
            payload.put("error", result.error().orElse("access_denied"));
            payload.put("state", result.state());
        }
        ObjectNode message = JsonNodes.object();
        message.put("action", ACTION_PREFIX + result.state());
        message.set("payload", payload);
        String script = "\n(function () {\n"
                + "  var message = " + scriptJson(message) + ";\n"
                + "  var targetOrigin = " + scriptJson(origin(result.redirectUri())) + ";\n"
                + "  var fallback = " + scriptJson(redirect) + ";\n"
                + "  if (window.opener && !window.opener.closed) {\n"
                + "    window.opener.postMessage(message, targetOrigin);\n"
                + "    window.close();\n"
                + "  } else {\n"
                + "    window.location.replace(fallback);\n"
                + "  }\n"
                + "})();\n";
        String html = Templates.render("vkidOpener.jte", new View(redirect, script));
        return new Answer(html, EmulatorHttpServer.CONTENT_SECURITY_POLICY + "; script-src " + scriptHash(script));
    }

    /**
     * The CSP source expression that allows one inline script: {@code 'sha256-<base64 of its UTF-8 bytes' hash>'}.
     *
     * @param script the text between {@code <script>} and {@code </script>}
     * @return the hash source
     */
    static String scriptHash(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * The origin of a URI: {@code scheme://host[:port]}.
     *
     * @param uri an absolute URI (the registered redirect URI)
     * @return its origin
     */
    static String origin(String uri) {
        URI parsed = URI.create(uri);
        return parsed.getScheme() + "://" + parsed.getRawAuthority().replaceFirst("^.*@", "");
    }

    /** A value as JSON that is safe inside a {@code <script>} element. */
    private static String scriptJson(Object value) {
        try {
            return JsonNodes.MAPPER.writeValueAsString(value).replace("<", "\\u003c").replace(">", "\\u003e")
                    .replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
