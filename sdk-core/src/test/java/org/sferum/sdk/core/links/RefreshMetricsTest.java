package org.sferum.sdk.core.links;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.core.RecordingMetrics;
import org.sferum.sdk.error.ErrorCode;
import org.sferum.sdk.users.Role;

/** Token refreshes reported to the metrics SPI (F-EMB-03): the outcome code only, never a token. */
class RefreshMetricsTest extends LinkingFixture {
    private final RecordingMetrics metrics = new RecordingMetrics();

    @Test
    @DisplayName("F-EMB-03 a refresh before expiry is counted as ok, then the call")
    void refreshCounted() {
        useClient(builder().metrics(metrics).build());
        link(ACCOUNT, Role.TEACHER);
        metrics.seen.clear();
        clock.advance(Duration.ofMinutes(59).plusSeconds(1));

        client().session(ACCOUNT).me();

        assertEquals(List.of("refreshed ok", "completed users.get ok x1"), metrics.seen);
    }

    @Test
    @DisplayName("F-EMB-03 a refresh VK ID refuses is counted with RELINK_REQUIRED")
    void refusedRefreshCounted() {
        useClient(builder().metrics(metrics).build());
        link(ACCOUNT, Role.TEACHER);
        metrics.seen.clear();
        vkId.invalidateAll();
        clock.advance(Duration.ofMinutes(59).plusSeconds(1));

        refused(ErrorCode.RELINK_REQUIRED, () -> client().session(ACCOUNT).me());

        assertEquals(List.of("refreshed " + ErrorCode.RELINK_REQUIRED.name()), metrics.seen);
    }
}
