package org.sferum.sdk.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.sferum.sdk.users.SchoolAccountId;

/**
 * The set-up shared by the contracts of the SDK's stores ({@link LinkStoreContract}, {@link TokenStoreContract}):
 * a fresh store per test, a second node on the same data, account ids random for the test, and threads released
 * together for the concurrency tests.
 *
 * @param <S> the store type under test
 */
public abstract class StoreContract<S> {
    /** How many threads race in the concurrency tests. */
    protected static final int THREADS = 8;

    /** The store under test, fresh for each test. */
    protected S store;

    /** A prefix random for this test, so a store that keeps data between tests (a shared database) passes too. */
    protected final String run = UUID.randomUUID().toString().substring(0, 8);

    /** Creates the contract. */
    protected StoreContract() {
    }

    /**
     * Returns a new store to test. Called before each test.
     *
     * @return the store
     */
    protected abstract S newStore();

    /**
     * Returns another instance on the same data as {@code store}, as a second node of the school system would
     * have it (another connection pool, another process). The default returns {@code store} itself, which is
     * right for a store that lives in one node's memory.
     *
     * @param store a store returned by {@link #newStore()}
     * @return a second node's store on the same data
     */
    protected S secondNodeOf(S store) {
        return store;
    }

    /**
     * Releases a store after its test. The default does nothing.
     *
     * @param store the store returned by {@link #newStore()}
     */
    protected void closeStore(S store) {
    }

    /** Opens the store. */
    @BeforeEach
    void openStore() {
        store = newStore();
        assertNotNull(store, "newStore() returned null");
    }

    /** Closes the store. */
    @AfterEach
    void releaseStore() {
        if (store != null) {
            closeStore(store);
        }
    }

    /**
     * Returns a school account id unique to this test.
     *
     * @param name what the account stands for in the test
     * @return the id
     */
    protected final SchoolAccountId account(String name) {
        return SchoolAccountId.of(run + "-" + name);
    }

    /**
     * Runs {@code action(i)} for i in 0..{@link #THREADS}-1, each on its own thread, released together.
     *
     * @param action what each thread does
     * @param <T> its result
     * @return the results, by thread index
     * @throws Exception when a thread failed other than as expected
     */
    protected static <T> List<T> race(IntFunction<T> action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return action.apply(index);
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                fail("the racing threads did not finish");
            }
        }
    }
}
