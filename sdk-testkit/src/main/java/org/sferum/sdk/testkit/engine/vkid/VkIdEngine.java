package org.sferum.sdk.testkit.engine.vkid;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.testkit.vkid.VkIdLogin;
import org.sferum.sdk.users.Person;
import org.sferum.sdk.users.UserId;

/**
 * The engine's {@link VkIdService}: one per {@code PlatformEngine}, obtained with {@code PlatformEngine.vkId()}. It
 * reads the engine's clock, creates educational profiles as engine users and issues its access tokens as the
 * engine's VK API tokens, so that a token from a code exchange works on the VK API until it expires. Every
 * operation runs under one lock (taken before the engine's, never after it).
 *
 * <p>The rules, with their limits, are those of docs/wire/vk-id.md; the pieces are small package-private classes:
 * the login pages ({@code LoginFlows}), accounts, SMS codes, attempt counting, clients, authorization codes and
 * token grants.
 */
public final class VkIdEngine implements VkIdService {
    /** The longest {@code state} {@code /authorize} accepts (docs/wire/vk-id.md, "Limits"). */
    public static final int MAX_STATE_LENGTH = 1024;
    /** The longest {@code nonce} {@code /authorize} accepts. */
    public static final int MAX_NONCE_LENGTH = 1024;
    /** The longest {@code scope} {@code /authorize} accepts. */
    public static final int MAX_SCOPE_LENGTH = 1024;
    /** At most this many logins are live at once; {@code /authorize} beyond it drops the oldest. */
    public static final int MAX_LIVE_LOGINS = LoginFlows.MAX_LIVE;

    /** The scope granted when the request names none. */
    public static final String DEFAULT_SCOPE = "vkid.personal_info";
    /** How long an SMS code is valid. */
    public static final Duration SMS_CODE_LIFETIME = SmsCodes.LIFETIME;
    /** Wrong passwords or SMS codes in a row that lock a phone. */
    public static final int MAX_FAILED_ATTEMPTS = Attempts.MAX_FAILURES;
    /** How long a phone stays locked after too many wrong attempts. */
    public static final Duration LOCK_DURATION = Attempts.LOCK;
    /** How long an authorization code is valid ({@code expires_in} of the redirect). */
    public static final Duration AUTHORIZATION_CODE_LIFETIME = AuthCodes.LIFETIME;
    /** How long an access token is valid. */
    public static final Duration ACCESS_TOKEN_LIFETIME = TokenGrants.ACCESS_LIFETIME;
    /** How long a refresh token is valid. */
    public static final Duration REFRESH_TOKEN_LIFETIME = TokenGrants.REFRESH_LIFETIME;

    private static final int CHALLENGE_LENGTH = 43;

    private final PlatformUsers engine;
    private final Object lock = new Object();
    private final Clients clients = new Clients();
    private final Accounts accounts = new Accounts();
    private final SmsCodes sms = new SmsCodes();
    private final LoginFlows flows;
    private final TokenGrants tokens;
    private final AuthCodes codes;

    /**
     * Creates VK ID over an engine. Use {@code PlatformEngine.vkId()}: the engine creates its one instance.
     *
     * @param engine the engine, whose clock, users and tokens this VK ID uses
     */
    public VkIdEngine(PlatformUsers engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.flows = new LoginFlows(engine, accounts, new Attempts(), sms);
        this.tokens = new TokenGrants(engine);
        this.codes = new AuthCodes(tokens);
    }

    private Instant now() {
        return engine.clock().instant().truncatedTo(ChronoUnit.SECONDS);
    }

    // ---------------------------------------------------------------- clients and accounts

    @Override
    public void registerClient(String clientId, List<URI> redirectUris) {
        synchronized (lock) {
            clients.register(clientId, redirectUris);
        }
    }

    @Override
    public Optional<UserId> createAccount(String phone, Optional<String> password, Optional<NewProfile> profile) {
        String normalized = Phones.normalize(phone);
        String checkedPassword = password == null || password.isEmpty() ? null
                : Accounts.checkPassword(password.get());
        synchronized (lock) {
            accounts.checkFree(normalized, null);
            if (profile == null || profile.isEmpty()) {
                accounts.create(normalized, checkedPassword);
                return Optional.empty();
            }
            NewProfile p = profile.get();
            String firstName = PersonalData.name(p.firstName(), "first name");
            String lastName = PersonalData.name(p.lastName(), "surname");
            Optional<String> patronymic = PersonalData.patronymic(p.patronymic());
            LocalDate birthDate = PersonalData.birthDate(PersonalData.parseBirthDate(p.birthDate()),
                    LocalDate.ofInstant(now(), ZoneOffset.UTC));
            if (p.role() == null) {
                throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "the profile's school role is required");
            }
            Account account = accounts.create(normalized, checkedPassword);
            UserId user = engine.createUser(firstName, lastName, p.role());
            accounts.attach(account, new EduProfile(user, patronymic, Optional.of(birthDate), p.female()));
            return Optional.of(user);
        }
    }

    @Override
    public void attachAccount(String phone, String password, UserId profile) {
        String normalized = Phones.normalize(phone);
        String checkedPassword = Accounts.checkPassword(password);
        synchronized (lock) {
            engine.person(profile);
            accounts.checkFree(normalized, profile);
            Account account = accounts.create(normalized, checkedPassword);
            accounts.attach(account, new EduProfile(profile, Optional.empty(), Optional.empty(), false));
        }
    }

    // ---------------------------------------------------------------- the login pages

    @Override
    public String authorize(AuthorizeRequest request) {
        Objects.requireNonNull(request, "request");
        synchronized (lock) {
            if (blank(request.clientId()) || !clients.known(request.clientId())) {
                throw GrantError.UNKNOWN_CLIENT.refuse("the client id is not registered with VK ID");
            }
            if (blank(request.redirectUri()) || !clients.allows(request.clientId(), request.redirectUri())) {
                throw GrantError.REDIRECT_URI_NOT_REGISTERED.refuse(
                        "the redirect URI is not registered for this client");
            }
            require(request.state(), "state");
            limit(request.state(), "state", MAX_STATE_LENGTH);
            limit(request.nonce().orElse(null), "nonce", MAX_NONCE_LENGTH);
            limit(request.scope(), "scope", MAX_SCOPE_LENGTH);
            require(request.codeChallenge(), "code_challenge");
            require(request.codeChallengeMethod(), "code_challenge_method");
            if (!"S256".equalsIgnoreCase(request.codeChallengeMethod())) {
                throw GrantError.INVALID_PARAMETER.refuse("code_challenge_method must be S256; plain is refused");
            }
            if (request.codeChallenge().length() != CHALLENGE_LENGTH
                    || !request.codeChallenge().chars().allMatch(VkIdEngine::base64url)) {
                throw GrantError.INVALID_PARAMETER.refuse(
                        "code_challenge must be base64url(SHA-256(verifier)) without padding, 43 characters");
            }
            return flows.start(request, now());
        }
    }

    private static void limit(String value, String name, int max) {
        if (value != null && value.length() > max) {
            throw GrantError.PARAMETER_TOO_LONG.refuse(name + " is longer than " + max + " characters");
        }
    }

    @Override
    public int liveLogins() {
        synchronized (lock) {
            return flows.live();
        }
    }

    @Override
    public VkIdLogin.Step step(String flowId) {
        synchronized (lock) {
            return flows.get(flowId, now()).step;
        }
    }

    @Override
    public VkIdLogin.Step enterPhone(String flowId, String phone) {
        synchronized (lock) {
            return flows.enterPhone(flowId, phone, now());
        }
    }

    @Override
    public VkIdLogin.Step enterPassword(String flowId, String password) {
        synchronized (lock) {
            return flows.enterPassword(flowId, password, now());
        }
    }

    @Override
    public VkIdLogin.Step forgotPassword(String flowId) {
        synchronized (lock) {
            return flows.forgotPassword(flowId, now());
        }
    }

    @Override
    public VkIdLogin.Step resetPassword(String flowId, String smsCode, String newPassword) {
        synchronized (lock) {
            return flows.resetPassword(flowId, smsCode, newPassword, now());
        }
    }

    @Override
    public VkIdLogin.Step resendSmsCode(String flowId) {
        synchronized (lock) {
            return flows.resendSmsCode(flowId, now());
        }
    }

    @Override
    public VkIdLogin.Step enterSmsCode(String flowId, String smsCode) {
        synchronized (lock) {
            return flows.enterSmsCode(flowId, smsCode, now());
        }
    }

    @Override
    public VkIdLogin.Step continueInProfile(String flowId) {
        synchronized (lock) {
            return flows.continueInProfile(flowId, now());
        }
    }

    @Override
    public VkIdLogin.Step createProfile(String flowId) {
        synchronized (lock) {
            return flows.createProfile(flowId, now());
        }
    }

    @Override
    public VkIdLogin.Step aboutYou(String flowId, VkIdLogin.AboutYou data) {
        synchronized (lock) {
            return flows.aboutYou(flowId, data, now());
        }
    }

    @Override
    public Person checkData(String flowId) {
        synchronized (lock) {
            return flows.checkData(flowId, now());
        }
    }

    @Override
    public AuthorizationResult confirm(String flowId) {
        synchronized (lock) {
            Instant now = now();
            LoginFlow flow = flows.finish(flowId, true, now);
            String deviceId = RandomSecrets.random(16);
            String code = codes.issue(flow.request, deviceId, flow.user, now);
            return new AuthorizationResult(flow.request.redirectUri(), flow.request.state(), Optional.of(code),
                    Optional.of(deviceId), AuthCodes.LIFETIME.getSeconds(), Optional.empty(), Optional.of(flow.user));
        }
    }

    @Override
    public AuthorizationResult cancel(String flowId) {
        synchronized (lock) {
            LoginFlow flow = flows.finish(flowId, false, now());
            return new AuthorizationResult(flow.request.redirectUri(), flow.request.state(), Optional.empty(),
                    Optional.empty(), 0, Optional.of("access_denied"), Optional.empty());
        }
    }

    // ---------------------------------------------------------------- the token endpoints

    @Override
    public TokenGrant exchangeCode(String clientId, String code, String codeVerifier, String redirectUri,
                                   String deviceId) {
        require(clientId, "client_id");
        require(code, "code");
        require(codeVerifier, "code_verifier");
        require(redirectUri, "redirect_uri");
        require(deviceId, "device_id");
        synchronized (lock) {
            knownClient(clientId);
            return codes.exchange(clientId, code, codeVerifier, redirectUri, deviceId, now());
        }
    }

    @Override
    public TokenGrant refresh(String clientId, String refreshToken, String deviceId) {
        require(clientId, "client_id");
        require(refreshToken, "refresh_token");
        require(deviceId, "device_id");
        synchronized (lock) {
            knownClient(clientId);
            return tokens.refresh(clientId, refreshToken, deviceId, now());
        }
    }

    @Override
    public void revoke(String accessToken) {
        synchronized (lock) {
            tokens.revoke(accessToken);
        }
    }

    @Override
    public void logout(String accessToken) {
        synchronized (lock) {
            tokens.logout(accessToken);
        }
    }

    @Override
    public ProfileInfo userInfo(String accessToken) {
        synchronized (lock) {
            UserId user = tokens.user(accessToken, now());
            Account account = accounts.ofUser(user).orElseThrow(
                    () -> GrantError.INVALID_TOKEN.refuse("the access token's profile has no VK ID account"));
            EduProfile profile = account.profile().orElseThrow();
            return new ProfileInfo(engine.person(user), Phones.mask(account.phone()),
                    profile.birthDate().map(PersonalData::formatBirthDate).orElse(""), profile.female());
        }
    }

    @Override
    public Optional<String> lastSmsCode(String phone) {
        return lastSms(phone).map(SentSmsCode::code);
    }

    @Override
    public Optional<SentSmsCode> lastSms(String phone) {
        String normalized = Phones.normalize(phone);
        synchronized (lock) {
            return sms.last(normalized);
        }
    }

    @Override
    public Optional<String> smsCodeOfLogin(String flowId) {
        synchronized (lock) {
            LoginFlow flow;
            try {
                flow = flows.get(flowId, now());
            } catch (RuntimeException unknown) {
                return Optional.empty();
            }
            return flow.phone == null ? Optional.empty() : sms.last(flow.phone).map(SentSmsCode::code);
        }
    }

    // ---------------------------------------------------------------- helpers

    private void knownClient(String clientId) {
        if (!clients.known(clientId)) {
            throw GrantError.UNKNOWN_CLIENT.refuse("the client id is not registered with VK ID");
        }
    }

    private static void require(String value, String name) {
        if (blank(value)) {
            throw GrantError.MISSING_PARAMETER.refuse("the parameter " + name + " is missing");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static boolean base64url(int c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_';
    }
}
