package org.sferum.sdk.core.links;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.sferum.sdk.core.transport.Transport;
import org.sferum.sdk.core.transport.TransportRequest;
import org.sferum.sdk.core.transport.TransportResponse;
import org.sferum.sdk.core.wire.Json;
import org.sferum.sdk.testkit.TestClock;

/**
 * A stateful fake of VK ID's {@code /oauth2/*}, its JWK set, and the VK API methods linking uses
 * ({@code users.get}, {@code messages.getConversations}, {@code messages.removeChatUser}), as
 * {@code docs/wire/vk-id.md} says: codes are single-use and bound to the PKCE challenge, the redirect URI and the
 * device id; refresh tokens rotate; revocation ends a grant. Tests change its answers with the knobs and
 * {@link #once}. It plays the browser too: {@link #authorize(URI)} turns an authorization URI into the callback
 * query. Every secret it issues or receives is kept in {@link #secrets}, for the log tests.
 */
final class FakeVkId implements Transport {
    static final URI BASE = URI.create("http://vkid.test:8080");
    static final String ISSUER = "http://vkid.test:8080";
    static final String CLIENT_ID = "51000000";
    static final URI REDIRECT = URI.create("https://school.test/sferum/callback");
    static final long USER = 100001;
    static final String PHONE = "+7 900 000-00-01";

    /** Answers a request instead of the fake. */
    @FunctionalInterface
    interface Answer {
        TransportResponse answer(TransportRequest request, Map<String, String> params) throws IOException;
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    /** VK ID's signing key, made once: generating RSA keys is slow. */
    private static final RSAKey KEY = newKey("emulator-1");

    final TestClock clock;
    final RSAKey key;
    final List<TransportRequest> requests = new CopyOnWriteArrayList<>();
    final Set<String> secrets = ConcurrentHashMap.newKeySet();
    final AtomicInteger refreshes = new AtomicInteger();
    final AtomicInteger jwksFetches = new AtomicInteger();
    final List<long[]> removed = new CopyOnWriteArrayList<>();
    final List<String> revoked = new CopyOnWriteArrayList<>();

    /** The keys {@code /.well-known/jwks.json} publishes. */
    volatile List<RSAKey> published;
    /** The user the next codes are issued for. */
    volatile long userId = USER;
    /** What the next ID tokens claim, on top of the correct claims. */
    volatile UnaryOperator<JWTClaimsSet.Builder> claims = b -> b;
    /** How the next ID tokens are signed. */
    volatile Function<JWTClaimsSet, String> signer;
    volatile long refreshDelayMillis;
    volatile boolean removeChatUserKnown = true;
    /** The group chats the user is in (local ids), listed by {@code filter=all}. */
    volatile List<Long> chats = List.of();
    /** Archived group chats (local ids), listed by {@code filter=archive}. */
    volatile List<Long> archived = List.of();

    private final Map<String, Deque<Answer>> onceAnswers = new ConcurrentHashMap<>();
    private final Map<String, Authorization> codes = new ConcurrentHashMap<>();
    private final Map<String, Long> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, Long> refreshTokens = new ConcurrentHashMap<>();

    private record Authorization(String challenge, String redirectUri, String state, String nonce, String deviceId,
                                 long user, AtomicBoolean used) {
    }

    FakeVkId(TestClock clock) {
        this.clock = clock;
        this.key = KEY;
        this.published = List.of(key);
        this.signer = this::rs256;
    }

    static RSAKey newKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs claims RS256 with the fake's key. */
    String rs256(JWTClaimsSet set) {
        return sign(set, key);
    }

    static String sign(JWTClaimsSet set, RSAKey with) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), set);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Answers the next request to a path with this, instead of the fake. */
    FakeVkId once(String path, Answer answer) {
        onceAnswers.computeIfAbsent(path, p -> new ArrayDeque<>()).add(answer);
        return this;
    }

    /** The browser: VK ID's login pages end with a redirect whose query this returns. */
    Map<String, String> authorize(URI authorization) {
        Map<String, String> q = query(authorization.getRawQuery());
        String code = random();
        String deviceId = random();
        codes.put(code, new Authorization(q.get("code_challenge"), q.get("redirect_uri"), q.get("state"),
                q.get("nonce"), deviceId, userId, new AtomicBoolean()));
        secrets.addAll(List.of(code, q.get("state"), q.get("nonce"), q.get("code_challenge")));
        Map<String, String> callback = new LinkedHashMap<>();
        callback.put("code", code);
        callback.put("state", q.get("state"));
        callback.put("device_id", deviceId);
        callback.put("expires_in", "600");
        callback.put("type", "code_v2");
        return callback;
    }

    /** The requests to a path. */
    List<TransportRequest> to(String path) {
        return requests.stream().filter(r -> r.uri().getPath().equals(path)).toList();
    }

    /** Ends every token issued so far, as if they were revoked elsewhere. */
    void invalidateAll() {
        accessTokens.clear();
        refreshTokens.clear();
    }

    @Override
    public TransportResponse execute(TransportRequest request) throws IOException {
        requests.add(request);
        String path = request.uri().getPath();
        Map<String, String> params = params(request);
        for (String name : List.of("code", "code_verifier", "refresh_token", "access_token", "id_token", "state")) {
            if (params.containsKey(name)) {
                secrets.add(params.get(name));
            }
        }
        String auth = request.header("Authorization");
        if (auth != null) {
            secrets.add(auth.substring("Bearer ".length()));
        }
        Deque<Answer> scripted = onceAnswers.get(path);
        Answer answer = scripted == null ? null : scripted.poll();
        if (answer != null) {
            return answer.answer(request, params);
        }
        switch (path) {
            case "/oauth2/auth":
                return auth(params);
            case "/oauth2/revoke":
                return revoke(params);
            case "/oauth2/public_info":
                return publicInfo(params);
            case "/.well-known/jwks.json":
                return jwks();
            case "/method/users.get":
                return usersGet(request);
            case "/method/messages.getConversations":
                return conversations(request, params);
            case "/method/messages.removeChatUser":
                return removeChatUser(request, params);
            default:
                throw new AssertionError("unexpected request: " + request);
        }
    }

    private TransportResponse auth(Map<String, String> form) {
        if ("refresh_token".equals(form.get("grant_type"))) {
            refreshes.incrementAndGet();
            sleep(refreshDelayMillis);
            Long user = refreshTokens.remove(form.getOrDefault("refresh_token", ""));
            if (user == null) {
                return oauthError("invalid_grant", "refresh_token_revoked", "refresh token "
                        + form.get("refresh_token") + " of " + PHONE + " is revoked");
            }
            return tokens(user, null, form.get("state"));
        }
        String code = form.getOrDefault("code", "");
        Authorization a = codes.get(code);
        if (a == null) {
            return oauthError("invalid_grant", "code_unknown", "unknown code=" + code);
        }
        if (!a.used().compareAndSet(false, true)) {
            return oauthError("invalid_grant", "code_used", "the code " + code + " was already used by " + PHONE);
        }
        if (!LinkingFixture.s256(form.getOrDefault("code_verifier", "")).equals(a.challenge())) {
            return oauthError("invalid_grant", "code_verifier_mismatch", "code_verifier "
                    + form.get("code_verifier") + " does not match");
        }
        if (!a.redirectUri().equals(form.get("redirect_uri"))) {
            return oauthError("invalid_grant", "redirect_uri_mismatch", "redirect_uri differs");
        }
        if (!a.deviceId().equals(form.get("device_id"))) {
            return oauthError("invalid_grant", "device_id_mismatch", "device_id differs");
        }
        return tokens(a.user(), a.nonce(), form.get("state"));
    }

    private TransportResponse tokens(long user, String nonce, String state) {
        String access = "vk2.a." + random();
        String refresh = "vk2.a." + random();
        accessTokens.put(access, user);
        refreshTokens.put(refresh, user);
        ObjectNode body = Json.MAPPER.createObjectNode()
                .put("access_token", access).put("refresh_token", refresh).put("token_type", "Bearer")
                .put("expires_in", 3600).put("user_id", user).put("state", state)
                .put("scope", "vkid.personal_info");
        if (nonce != null) {
            long now = clock.instant().getEpochSecond();
            JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issuer(ISSUER).audience(CLIENT_ID)
                    .subject(Long.toString(user)).issueTime(new Date(now * 1000))
                    .expirationTime(new Date((now + 3600) * 1000)).claim("nonce", nonce);
            String idToken = signer.apply(claims.apply(set).build());
            body.put("id_token", idToken);
            secrets.add(idToken);
        }
        secrets.addAll(List.of(access, refresh));
        return json(200, body.toString());
    }

    private TransportResponse revoke(Map<String, String> form) {
        String token = form.getOrDefault("access_token", "");
        Long user = accessTokens.remove(token);
        if (user == null) {
            return oauthError("invalid_token", null, "access_token " + token + " is invalid");
        }
        revoked.add(token);
        refreshTokens.values().removeIf(user::equals);
        return json(200, "{\"response\":1}");
    }

    private TransportResponse publicInfo(Map<String, String> form) {
        try {
            SignedJWT jwt = SignedJWT.parse(form.getOrDefault("id_token", ""));
            if (jwt.verify(new RSASSAVerifier(key.toRSAPublicKey()))) {
                return json(200, "{\"user\":{\"user_id\":\"" + jwt.getJWTClaimsSet().getSubject()
                        + "\",\"first_name\":\"Анна\",\"last_name\":\"П.\"}}");
            }
        } catch (java.text.ParseException | JOSEException | RuntimeException e) {
            // refused below
        }
        return json(400, "{\"error\":\"invalid_id_token\",\"error_description\":\"id_token is invalid\"}");
    }

    private TransportResponse jwks() {
        jwksFetches.incrementAndGet();
        ArrayNode keys = Json.MAPPER.createArrayNode();
        for (RSAKey k : published) {
            keys.add(Json.MAPPER.valueToTree(k.toPublicJWK().toJSONObject()));
        }
        return json(200, Json.MAPPER.createObjectNode().set("keys", keys).toString());
    }

    private TransportResponse usersGet(TransportRequest request) {
        Long user = caller(request);
        if (user == null) {
            return vkError(5, "User authorization failed: invalid access_token " + request.header("Authorization"));
        }
        return json(200, "{\"response\":[{\"id\":" + user + ",\"first_name\":\"Анна\",\"last_name\":\"Петрова\"}]}");
    }

    private TransportResponse conversations(TransportRequest request, Map<String, String> form) {
        if (caller(request) == null) {
            return vkError(5, "User authorization failed");
        }
        List<String> items = new ArrayList<>();
        if ("archive".equals(form.get("filter"))) {
            archived.forEach(chat -> items.add(chat(chat, "in")));
        } else {
            chats.forEach(chat -> items.add(chat(chat, "in")));
            items.add(chat(77, "left"));
            items.add("{\"conversation\":{\"peer\":{\"id\":100002,\"type\":\"user\",\"local_id\":100002}}}");
        }
        int offset = Integer.parseInt(form.getOrDefault("offset", "0"));
        int count = Integer.parseInt(form.getOrDefault("count", "20"));
        List<String> page = items.subList(Math.min(offset, items.size()), Math.min(offset + count, items.size()));
        return json(200, "{\"response\":{\"count\":" + items.size() + ",\"items\":[" + String.join(",", page)
                + "]}}");
    }

    private static String chat(long id, String state) {
        return "{\"conversation\":{\"peer\":{\"id\":" + (2000000000L + id) + ",\"type\":\"chat\",\"local_id\":" + id
                + "},\"chat_settings\":{\"title\":\"5в\",\"state\":\"" + state + "\"}},\"last_message\":{}}";
    }

    private TransportResponse removeChatUser(TransportRequest request, Map<String, String> form) {
        if (caller(request) == null) {
            return vkError(5, "User authorization failed");
        }
        if (!removeChatUserKnown) {
            return vkError(3, "Unknown method passed");
        }
        removed.add(new long[] {Long.parseLong(form.get("chat_id")), Long.parseLong(form.get("member_id"))});
        return json(200, "{\"response\":1}");
    }

    private Long caller(TransportRequest request) {
        String auth = request.header("Authorization");
        return auth == null ? null : accessTokens.get(auth.substring("Bearer ".length()));
    }

    static TransportResponse oauthError(String error, String reason, String description) {
        ObjectNode body = Json.MAPPER.createObjectNode().put("error", error).put("error_description", description);
        if (reason != null) {
            body.put("error_reason", reason);
        }
        return json(400, body.toString());
    }

    static TransportResponse vkError(int code, String message) {
        ObjectNode error = Json.MAPPER.createObjectNode().put("error_code", code).put("error_msg", message);
        return json(200, Json.MAPPER.createObjectNode().set("error", error).toString());
    }

    static TransportResponse json(int status, String body) {
        return new TransportResponse(status, Map.of("Content-Type", List.of("application/json; charset=utf-8")),
                body.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, String> params(TransportRequest request) {
        Map<String, String> out = query(request.uri().getRawQuery());
        out.putAll(query(new String(request.body(), StandardCharsets.US_ASCII)));
        return out;
    }

    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void sleep(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
