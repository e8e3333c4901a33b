/**
 * Spring Boot auto-configuration of the Sferum SDK: {@link org.sferum.sdk.spring.boot.SferumAutoConfiguration},
 * {@link org.sferum.sdk.spring.boot.SferumMetricsAutoConfiguration},
 * {@link org.sferum.sdk.spring.boot.SferumHealthAutoConfiguration}, configured by
 * {@link org.sferum.sdk.spring.boot.SferumProperties}.
 */
package org.sferum.sdk.spring.boot;
