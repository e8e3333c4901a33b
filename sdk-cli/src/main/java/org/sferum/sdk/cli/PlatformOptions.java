package org.sferum.sdk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.sferum.sdk.core.Endpoints;
import org.sferum.sdk.core.PartnerCredentials;
import org.sferum.sdk.core.RosterServiceAccounts;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.error.ServiceException;
import org.sferum.sdk.error.ValidationException;
import org.sferum.sdk.users.AccessToken;
import picocli.CommandLine.Option;

/**
 * Where the roster commands reach the platform: a running emulator ({@code --emulator URL}, whose
 * {@code /_emulator/demo} gives the service accounts' tokens after {@code --seed oneroster:DIR}), or the platform
 * ({@code --endpoint URL} of the partner contract, the key in the environment variable {@value #PARTNER_KEY_ENV},
 * the tokens in {@code --service-tokens FILE}). Secrets are never taken on the command line, where {@code ps} shows
 * them.
 */
final class PlatformOptions {
    /** The environment variable with the partner contract's key. */
    static final String PARTNER_KEY_ENV = "SFERUM_PARTNER_KEY";

    @Option(names = "--emulator", paramLabel = "URL", description = "A running emulator's base URL.")
    String emulator;

    @Option(names = "--endpoint", paramLabel = "URL",
            description = "The partner contract's base URL (VK API at api.vk.ru; key in $" + PARTNER_KEY_ENV + ").")
    String endpoint;

    @Option(names = "--service-tokens", paramLabel = "FILE",
            description = "With --endpoint: a properties file, one line per school: SCHOOL_ID=TOKEN.")
    Path serviceTokens;

    /** Creates the options; picocli fills them. */
    PlatformOptions() {
    }

    /**
     * Tells whether a platform was named.
     *
     * @return whether --emulator or --endpoint is given
     */
    boolean live() {
        return emulator != null || endpoint != null;
    }

    /**
     * Builds a client for the platform named.
     *
     * @return the client
     * @throws ValidationException with {@code INVALID_ARGUMENT} for both or neither option, a bad URL or a missing
     *         tokens file
     * @throws ServiceException when the emulator cannot be reached or has no roster seeded
     */
    SferumClient client() {
        if (emulator != null && endpoint != null) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "give --emulator or --endpoint, not both");
        }
        if (emulator != null) {
            URI base = uri(emulator, "--emulator");
            return SferumClient.builder().endpoints(Endpoints.emulator(base))
                    .rosterServiceAccounts(RosterServiceAccounts.of(emulatorTokens(base)))
                    .discoverPlugins(false).build();
        }
        if (endpoint == null) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "give --emulator URL or --endpoint URL");
        }
        if (serviceTokens == null) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "--endpoint needs --service-tokens FILE");
        }
        String key = System.getenv(PARTNER_KEY_ENV);
        if (key == null) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "--endpoint needs the partner key in $"
                    + PARTNER_KEY_ENV);
        }
        return SferumClient.builder()
                .endpoints(Endpoints.vk().withPartner(uri(endpoint, "--endpoint"), PartnerCredentials.of(key)))
                .rosterServiceAccounts(RosterServiceAccounts.of(fileTokens(serviceTokens)))
                .discoverPlugins(false).build();
    }

    private static URI uri(String text, String option) {
        try {
            URI uri = URI.create(text);
            if (uri.getScheme() != null && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new ValidationException(ErrorCode.INVALID_ARGUMENT, option + " must be a URL such as"
                + " http://127.0.0.1:8080");
    }

    /** Reads {@code roster.service_tokens} of the emulator's {@code GET /_emulator/demo}. */
    private static Map<String, AccessToken> emulatorTokens(URI base) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(base + "/_emulator/demo"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new ServiceException(ErrorCode.TRANSPORT_FAILURE, "cannot reach the emulator at " + base + ": "
                    + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceException(ErrorCode.TRANSPORT_FAILURE, "interrupted while reaching the emulator");
        }
        JsonNode tokens;
        try (InputStream body = response.body()) {
            tokens = new ObjectMapper().readTree(body).path("roster").path("service_tokens");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (response.statusCode() != 200 || !tokens.isObject() || tokens.isEmpty()) {
            throw new ServiceException(ErrorCode.SERVICE_UNAVAILABLE, "the emulator at " + base + " has no roster"
                    + " seeded (HTTP " + response.statusCode() + "); start it with --seed oneroster:DIR");
        }
        Map<String, AccessToken> out = new LinkedHashMap<>();
        tokens.fields().forEachRemaining(e -> out.put(e.getKey(), AccessToken.of(e.getValue().asText())));
        return out;
    }

    private static Map<String, AccessToken> fileTokens(Path file) {
        Properties properties = new Properties();
        try (var reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ValidationException(ErrorCode.INVALID_ARGUMENT, "cannot read --service-tokens " + file + ": "
                    + e.getClass().getSimpleName());
        }
        Map<String, AccessToken> out = new LinkedHashMap<>();
        properties.forEach((school, token) -> out.put(school.toString(), AccessToken.of(token.toString())));
        return out;
    }
}
