package org.sferum.sdk.testkit.junit;

import java.time.Instant;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.sferum.sdk.Sferum;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.TestClock;
import org.sferum.sdk.emulator.SferumEmulator;
import org.sferum.sdk.testkit.fake.FakeSferum;

/**
 * JUnit 5 extension that hands each test a fresh, isolated platform. Test methods (and constructors) may declare
 * parameters of these types:
 * <ul>
 *   <li>{@link FakeSferum} (or {@link Sferum}): a fake with the demo school seeded;</li>
 *   <li>{@link DemoSchool}: that fake's school (the emulator's, when the test takes only an emulator);</li>
 *   <li>{@link TestClock}: the clock both read, standing at {@link #START} until the test moves it;</li>
 *   <li>{@link SferumEmulator}: an emulator on a free loopback port, demo school seeded, closed after the test.</li>
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

    /** Creates the extension; JUnit calls this. */
    public SferumExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == FakeSferum.class || type == Sferum.class || type == DemoSchool.class
                || type == TestClock.class || type == SferumEmulator.class;
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
        if (type == SferumEmulator.class) {
            return emulator(store);
        }
        if (type == DemoSchool.class) {
            boolean emulatorOnly = anyParameterOf(parameter, SferumEmulator.class)
                    && !anyParameterOf(parameter, FakeSferum.class) && !anyParameterOf(parameter, Sferum.class);
            return emulatorOnly ? emulator(store).demoSchool().orElseThrow() : fake(store).demoSchool().orElseThrow();
        }
        throw new ParameterResolutionException("SferumExtension cannot supply " + type.getName());
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

    private static SferumEmulator emulator(ExtensionContext.Store store) {
        TestClock clock = clock(store);
        return store.getOrComputeIfAbsent(EmulatorResource.class,
                k -> new EmulatorResource(SferumEmulator.builder().clock(clock).seedDemo(true).port(0).start()),
                EmulatorResource.class).emulator;
    }

    /** Closes the emulator when the test's store is closed. */
    private static final class EmulatorResource implements ExtensionContext.Store.CloseableResource {
        private final SferumEmulator emulator;

        EmulatorResource(SferumEmulator emulator) {
            this.emulator = emulator;
        }

        @Override
        public void close() {
            emulator.close();
        }
    }
}
