package org.sferum.sdk.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.spi.TokenSet;
import org.sferum.sdk.spi.TokenStore;
import org.sferum.sdk.users.AccessToken;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * The contract of a {@link TokenStore} (F-LINK-11): tokens stored, replaced and removed per school account, and
 * every secret read back exactly as it was put. Extend it and return a fresh store from {@link #newStore()}; for a
 * store that several nodes share, also override {@link #secondNodeOf}.
 *
 * <p>Every test uses account ids that are random for the test, so a store that keeps data between tests passes
 * too. Expiry instants are given to the millisecond: a store must keep them at least to the millisecond.
 */
public abstract class TokenStoreContract extends StoreContract<TokenStore> {
    private static final Instant EXPIRES = Instant.parse("2025-09-01T09:30:15.123Z");

    /** Creates the contract. */
    protected TokenStoreContract() {
    }

    private static TokenSet tokens(String tag) {
        return new TokenSet(AccessToken.of("vk2.a." + tag + ".Zm9vYmFy"), "vk2.r." + tag, "device-" + tag, EXPIRES);
    }

    @Test
    @DisplayName("F-LINK-11 tokens put for an account are read back equal")
    void putGet() {
        TokenSet set = tokens("one");
        store.put(account("teacher"), set);

        TokenSet read = store.get(account("teacher")).orElseThrow();
        assertEquals(set.accessToken(), read.accessToken());
        assertEquals(set.refreshToken(), read.refreshToken());
        assertEquals(set.deviceId(), read.deviceId());
        assertEquals(set.expiresAt(), read.expiresAt());
        assertEquals(set, read);
    }

    @Test
    @DisplayName("F-LINK-11 an account without tokens reads empty")
    void getUnknown() {
        assertEquals(Optional.empty(), store.get(account("nobody")));
    }

    @Test
    @DisplayName("F-LINK-11 putting tokens again replaces them")
    void replace() {
        SchoolAccountId teacher = account("teacher");
        store.put(teacher, tokens("old"));
        TokenSet refreshed = new TokenSet(AccessToken.of("vk2.a.new"), "vk2.r.new", "device-old",
                EXPIRES.plusSeconds(3600));
        store.put(teacher, refreshed);

        assertEquals(Optional.of(refreshed), store.get(teacher));
    }

    @Test
    @DisplayName("F-LINK-11 removing tokens forgets them for that account only; removing twice is harmless")
    void remove() {
        SchoolAccountId teacher = account("teacher");
        SchoolAccountId student = account("student");
        store.put(teacher, tokens("t"));
        store.put(student, tokens("s"));

        store.remove(teacher);
        assertEquals(Optional.empty(), store.get(teacher));
        assertEquals(Optional.of(tokens("s")), store.get(student));
        store.remove(teacher);
        store.remove(account("never-stored"));
        assertEquals(Optional.empty(), store.get(teacher));

        store.put(teacher, tokens("again"));
        assertEquals(Optional.of(tokens("again")), store.get(teacher), "tokens can be put after a remove");
    }

    @Test
    @DisplayName("F-LINK-11 secrets round-trip exactly: every printable character, the longest access token, Cyrillic")
    void secretsExact() {
        StringBuilder printable = new StringBuilder();
        for (char c = '!'; c <= '~'; c++) {
            printable.append(c);
        }
        StringBuilder longest = new StringBuilder();
        while (longest.length() < 4096) {
            longest.append(printable, 0, Math.min(printable.length(), 4096 - longest.length()));
        }
        String refresh = "обновление «токена» ёЁ \\ ' \" % _ ; -- " + printable + " \uD83D\uDCDA " + "ж".repeat(3000);
        String device = "устройство-№1 'quoted' \"double\"";
        Instant later = Instant.parse("2031-02-03T04:05:06.789Z");

        TokenSet all = new TokenSet(AccessToken.of(printable.toString()), refresh, device, later);
        TokenSet big = new TokenSet(AccessToken.of(longest.toString()), "r", "d", EXPIRES);
        store.put(account("all"), all);
        store.put(account("big"), big);

        TokenSet readAll = store.get(account("all")).orElseThrow();
        assertEquals(printable.toString(), readAll.accessToken().secret());
        assertEquals(refresh, readAll.refreshToken());
        assertEquals(device, readAll.deviceId());
        assertEquals(all, readAll);
        assertEquals(Optional.of(big), store.get(account("big")));
    }

    @Test
    @DisplayName("F-LINK-11 tokens of Cyrillic 128-character account ids are kept apart exactly")
    void cyrillicLongAccountIds() {
        StringBuilder id = new StringBuilder(run + "-Смирнова Анна Викторовна, учитель №");
        while (id.length() < SchoolAccountId.MAX_LENGTH) {
            id.append((char) ('А' + id.length() % 32));
        }
        SchoolAccountId longest = SchoolAccountId.of(id.toString());
        assertEquals(SchoolAccountId.MAX_LENGTH, longest.value().length());
        SchoolAccountId neighbour = SchoolAccountId.of(id.substring(0, SchoolAccountId.MAX_LENGTH - 1) + "Ё");
        SchoolAccountId lower = SchoolAccountId.of(longest.value().toLowerCase(java.util.Locale.ROOT));

        store.put(longest, tokens("longest"));
        store.put(neighbour, tokens("neighbour"));
        store.put(lower, tokens("lower"));
        assertEquals(Optional.of(tokens("longest")), store.get(longest));
        assertEquals(Optional.of(tokens("neighbour")), store.get(neighbour));
        assertEquals(Optional.of(tokens("lower")), store.get(lower), "account ids are compared case-sensitively");
        store.remove(longest);
        assertEquals(Optional.empty(), store.get(longest));
        assertEquals(Optional.of(tokens("neighbour")), store.get(neighbour));
    }

    @Test
    @DisplayName("F-LINK-11 tokens put through one node are read, replaced and removed through the other")
    void twoNodes() {
        TokenStore second = secondNodeOf(store);
        SchoolAccountId teacher = account("teacher");
        store.put(teacher, tokens("a"));

        assertEquals(Optional.of(tokens("a")), second.get(teacher));
        second.put(teacher, tokens("b"));
        assertEquals(Optional.of(tokens("b")), store.get(teacher));
        second.remove(teacher);
        assertEquals(Optional.empty(), store.get(teacher));
    }

    @Test
    @DisplayName("F-LINK-11 8 threads putting tokens of one account at once (on two nodes) leave one of them, intact")
    void concurrentPut() throws Exception {
        TokenStore second = secondNodeOf(store);
        SchoolAccountId contested = account("contested");
        List<TokenSet> written = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            written.add(tokens("thread-" + i));
        }
        race(i -> {
            (i % 2 == 0 ? store : second).put(contested, written.get(i));
            return null;
        });
        TokenSet last = store.get(contested).orElseThrow();
        assertTrue(written.contains(last), "the stored tokens are one of the sets written, not a mix");
        assertEquals(Optional.of(last), second.get(contested));
    }
    @Test
    @DisplayName("F-LINK-11 issue 12 item 4: replace (compare-and-set) replaces only when the stored tokens equal the expected ones")
    void compareAndSet() {
        SchoolAccountId teacher = account("teacher");
        assertEquals(false, store.replace(teacher, tokens("a"), tokens("b")), "nothing stored: nothing replaced");
        assertEquals(Optional.empty(), store.get(teacher));
        store.put(teacher, tokens("a"));
        assertEquals(false, store.replace(teacher, tokens("other"), tokens("b")));
        TokenSet sameButExpiry = new TokenSet(tokens("a").accessToken(), tokens("a").refreshToken(),
                tokens("a").deviceId(), EXPIRES.plusMillis(1));
        assertEquals(false, store.replace(teacher, sameButExpiry, tokens("b")), "every field is compared");
        assertEquals(Optional.of(tokens("a")), store.get(teacher));
        assertTrue(store.replace(teacher, tokens("a"), tokens("b")));
        assertEquals(Optional.of(tokens("b")), store.get(teacher));
        assertEquals(false, store.replace(teacher, tokens("a"), tokens("c")), "the old value no longer matches");
        assertTrue(secondNodeOf(store).replace(teacher, tokens("b"), tokens("c")), "through the other node too");
        assertEquals(Optional.of(tokens("c")), store.get(teacher));
    }

    @Test
    @DisplayName("F-LINK-11 issue 12 item 4: of 8 threads replacing the same tokens at once (on two nodes), exactly one wins")
    void concurrentCompareAndSet() throws Exception {
        TokenStore second = secondNodeOf(store);
        SchoolAccountId contested = account("cas");
        store.put(contested, tokens("start"));
        List<TokenSet> written = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            written.add(tokens("cas-" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Boolean> won = new ArrayList<>();
        try {
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Future<Boolean>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                TokenStore node = i % 2 == 0 ? store : second;
                TokenSet set = written.get(i);
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return node.replace(contested, tokens("start"), set);
                }));
            }
            for (Future<Boolean> future : futures) {
                won.add(future.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS), "the racing threads did not finish");
        }
        assertEquals(1, won.stream().filter(Boolean::booleanValue).count(), "exactly one compare-and-set wins");
        assertEquals(Optional.of(written.get(won.indexOf(true))), store.get(contested), "the winner's tokens");
    }
}
