package org.sferum.sdk.testkit.contract;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.sferum.sdk.Capability;

/**
 * The capabilities a contract's tests use. A face that lacks any of them is excluded from the contract by name:
 * each test is reported as aborted with "excluded: the backend … lacks …", never run half and never passed
 * silently. The needs of a contract are the union of this annotation on its class and its superclasses.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ContractNeeds {
    /**
     * Returns what the contract's tests use.
     *
     * @return the capabilities
     */
    Capability[] value();

    /** Reads the needs and excludes a face that lacks them. */
    final class Check {
        private Check() {
        }

        /**
         * Returns the needs of a contract class, its superclasses' included.
         *
         * @param contract the contract's class (or a test class extending it)
         * @return the capabilities
         */
        public static Set<Capability> of(Class<?> contract) {
            Set<Capability> needs = EnumSet.noneOf(Capability.class);
            for (Class<?> type = contract; type != null; type = type.getSuperclass()) {
                ContractNeeds declared = type.getDeclaredAnnotation(ContractNeeds.class);
                if (declared != null) {
                    needs.addAll(Set.of(declared.value()));
                }
            }
            return needs;
        }

        /**
         * Excludes the running test, visibly, when the face lacks a capability the contract needs: aborts the test
         * with a message naming the face's backend and what it lacks (the contract's {@code @AfterEach} still
         * closes the fixture).
         *
         * @param contract the running contract's class
         * @param fixture the face, freshly opened
         */
        public static void excludeUnlessOffered(Class<?> contract, SferumFixture fixture) {
            Set<Capability> missing = of(contract);
            missing.removeAll(fixture.sferum().capabilities());
            if (!missing.isEmpty()) {
                String backend = fixture.sferum().backend();
                Class<?> named = contract;
                while (named.getSuperclass() != null
                        && !named.getPackageName().equals(ContractNeeds.class.getPackageName())) {
                    named = named.getSuperclass();
                }
                Assumptions.abort("excluded: the backend " + backend + " lacks " + missing + ", which "
                        + named.getSimpleName() + " needs");
            }
        }
    }
}
