package org.sferum.sdk.spring.boot;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.error.SferumException;
import org.sferum.sdk.users.SchoolAccountId;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether the Sferum section can work: the platform's addresses answer HTTP (any status: a refusal still proves the
 * network path) and the token store can be read. Down when either fails. The details name the backend, each host
 * and what failed (exception class names and error codes only: no token, key or service text).
 */
public class SferumHealthIndicator implements HealthIndicator {
    /** The account the token store is read for: none has this id, so nothing real is read. */
    static final SchoolAccountId PROBE = SchoolAccountId.of("sferum-health-probe");

    private final SferumClient client;
    private final Duration timeout;
    private final HttpClient http;

    /**
     * Checks this client.
     *
     * @param client the client
     * @param timeout how long each address may take to answer
     */
    public SferumHealthIndicator(SferumClient client, Duration timeout) {
        this.client = Objects.requireNonNull(client, "client");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Health health() {
        Health.Builder health = Health.up().withDetail("backend", client.backend());
        Set<URI> bases = new LinkedHashSet<>();
        bases.add(client.endpoints().api());
        bases.add(client.endpoints().id());
        client.endpoints().partner().ifPresent(bases::add);
        for (URI base : bases) {
            String key = "platform " + base.getScheme() + "://" + base.getAuthority();
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(base).timeout(timeout).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                health.withDetail(key, "reachable (HTTP " + answer.statusCode() + ")");
            } catch (IOException e) {
                health.down().withDetail(key, "unreachable (" + e.getClass().getSimpleName() + ")");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return health.down().withDetail(key, "interrupted").build();
            }
        }
        try {
            client.tokenStore().get(PROBE);
            health.withDetail("tokenStore", "readable (" + client.tokenStore().getClass().getSimpleName() + ")");
        } catch (SferumException e) {
            health.down().withDetail("tokenStore", "unreadable (" + e.code() + ")");
        } catch (RuntimeException e) {
            health.down().withDetail("tokenStore", "unreadable (" + e.getClass().getSimpleName() + ")");
        }
        return health.build();
    }
}
