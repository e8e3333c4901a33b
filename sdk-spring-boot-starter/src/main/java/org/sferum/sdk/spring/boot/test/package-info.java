/** The test slice: {@link org.sferum.sdk.spring.boot.test.AutoConfigureSferumFake}. */
package org.sferum.sdk.spring.boot.test;
