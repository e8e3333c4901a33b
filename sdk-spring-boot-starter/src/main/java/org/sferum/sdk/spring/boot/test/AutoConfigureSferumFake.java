package org.sferum.sdk.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Import;

/**
 * Gives a Spring test the in-memory fake instead of the network: a {@link org.sferum.sdk.testkit.fake.FakeSferum}
 * with the demo school is the application's {@link org.sferum.sdk.Sferum} bean (the starter's client backs off), and
 * the {@link org.sferum.sdk.testkit.DemoSchool} is a bean too. Needs {@code sferum-sdk-testkit} on the test class
 * path.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureSferumFake
 * class HomeworkTest {
 *     @Autowired Sferum sferum;        // the fake
 *     @Autowired DemoSchool school;
 * }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(SferumFakeConfiguration.class)
public @interface AutoConfigureSferumFake {
}
