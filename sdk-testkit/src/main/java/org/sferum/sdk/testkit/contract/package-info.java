/** Contract tests: abstract JUnit 5 classes that any implementation of the SDK's interfaces can run. */
package org.sferum.sdk.testkit.contract;
