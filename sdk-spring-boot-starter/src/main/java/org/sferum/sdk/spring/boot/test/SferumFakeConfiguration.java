package org.sferum.sdk.spring.boot.test;

import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.fake.FakeSferum;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans {@link AutoConfigureSferumFake} adds: the fake and its demo school. */
@Configuration(proxyBeanMethods = false)
public class SferumFakeConfiguration {
    /** Made by Spring. */
    public SferumFakeConfiguration() {
    }

    /**
     * The fake, with the demo school; a fresh one for each application context.
     *
     * @return the fake, the application's {@link org.sferum.sdk.Sferum}
     */
    @Bean
    public FakeSferum fakeSferum() {
        return FakeSferum.withDemoSchool();
    }

    /**
     * The fake's demo school: the teacher, the students, the parent and the outsider.
     *
     * @param fake the fake
     * @return the school
     */
    @Bean
    public DemoSchool sferumDemoSchool(FakeSferum fake) {
        return fake.demoSchool().orElseThrow();
    }
}
