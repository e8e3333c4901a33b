package org.sferum.sdk.testkit.junit;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.sferum.sdk.Sferum;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.TestClock;
import org.sferum.sdk.testkit.TestServerProvider;
import org.sferum.sdk.testkit.fake.FakeSferum;

/**
 * JUnit 5 extension that hands each test a fresh, isolated platform. Test methods (and constructors) may declare
 * parameters of these types:
 * <ul>
 *   <li>{@link FakeSferum} (or {@link Sferum}): a fake with the demo school seeded;</li>
 *   <li>{@link DemoSchool}: that fake's school (the emulator's, when the test takes only an emulator);</li>
 *   <li>{@link TestClock}: the clock both read, standing at {@link #START} until the test moves it;</li>
 *   <li>a server type that a {@link TestServerProvider} on the class path supplies, such as sferum-emulator's
 *       {@code SferumEmulator}: one on a free loopback port, demo school seeded, closed after the test.</li>
 * </ul>
 * Everything is created on first use within a test and released after it.
 *
 * <pre>{@code
 * @SferumTest
 * class HomeworkNotifierTest {
 *     @Test
 *     void postsHomework(FakeSferum sferum, DemoSchool school) { ... }
 * }
 * }</pre>
 */
public final class SferumExtension implements ParameterResolver {
    /** Where each test's clock starts: 1 September 2026, 09:00 Moscow time. */
    public static final Instant START = Instant.parse("2026-09-01T06:00:00Z");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SferumExtension.class);

    /** The servers on the class path (sferum-emulator's when it is there), found once. */
    private static final List<TestServerProvider<?>> SERVERS = servers();

    /** Creates the extension; JUnit calls this. */
    public SferumExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == FakeSferum.class || type == Sferum.class || type == DemoSchool.class
                || type == TestClock.class || server(type).isPresent();
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        if (type == TestClock.class) {
            return clock(store);
        }
        if (type == FakeSferum.class || type == Sferum.class) {
            return fake(store);
        }
        Optional<TestServerProvider<?>> server = server(type);
        if (server.isPresent()) {
            return server(store, server.get()).server;
        }
        if (type == DemoSchool.class) {
            Optional<TestServerProvider<?>> serverOnly = serverParameter(parameter);
            if (serverOnly.isPresent() && !anyParameterOf(parameter, FakeSferum.class)
                    && !anyParameterOf(parameter, Sferum.class)) {
                return server(store, serverOnly.get()).school();
            }
            return fake(store).demoSchool().orElseThrow();
        }
        throw new ParameterResolutionException("SferumExtension cannot supply " + type.getName());
    }

    private static List<TestServerProvider<?>> servers() {
        return ServiceLoader.load(TestServerProvider.class, SferumExtension.class.getClassLoader()).stream()
                .<TestServerProvider<?>>map(ServiceLoader.Provider::get).toList();
    }

    private static Optional<TestServerProvider<?>> server(Class<?> type) {
        return SERVERS.stream().filter(provider -> provider.type() == type).findFirst();
    }

    private static Optional<TestServerProvider<?>> serverParameter(ParameterContext parameter) {
        for (Class<?> declared : parameter.getDeclaringExecutable().getParameterTypes()) {
            Optional<TestServerProvider<?>> server = server(declared);
            if (server.isPresent()) {
                return server;
            }
        }
        return Optional.empty();
    }

    private static boolean anyParameterOf(ParameterContext parameter, Class<?> type) {
        for (Class<?> declared : parameter.getDeclaringExecutable().getParameterTypes()) {
            if (declared == type) {
                return true;
            }
        }
        return false;
    }

    private static TestClock clock(ExtensionContext.Store store) {
        return store.getOrComputeIfAbsent(TestClock.class, k -> TestClock.at(START), TestClock.class);
    }

    private static FakeSferum fake(ExtensionContext.Store store) {
        TestClock clock = clock(store);
        return store.getOrComputeIfAbsent(FakeSferum.class,
                k -> FakeSferum.builder().clock(clock).seedDemo(true).build(), FakeSferum.class);
    }

    private static ServerResource<?> server(ExtensionContext.Store store, TestServerProvider<?> provider) {
        TestClock clock = clock(store);
        return store.getOrComputeIfAbsent(provider.type(), k -> ServerResource.start(provider, clock),
                ServerResource.class);
    }

    /** A server started for one test, closed when the test's store is closed. */
    private static final class ServerResource<S extends AutoCloseable>
            implements ExtensionContext.Store.CloseableResource {
        private final TestServerProvider<S> provider;
        private final S server;

        private ServerResource(TestServerProvider<S> provider, S server) {
            this.provider = provider;
            this.server = server;
        }

        static <S extends AutoCloseable> ServerResource<S> start(TestServerProvider<S> provider, TestClock clock) {
            return new ServerResource<>(provider, provider.start(clock));
        }

        DemoSchool school() {
            return provider.demoSchool(server);
        }

        @Override
        public void close() throws Exception {
            server.close();
        }
    }
}
