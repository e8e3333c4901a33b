package org.sferum.sdk.spring.boot.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A school system's application as a vendor would write it: nothing but the starter's properties. */
@SpringBootApplication
public class HomeworkApp {
}
