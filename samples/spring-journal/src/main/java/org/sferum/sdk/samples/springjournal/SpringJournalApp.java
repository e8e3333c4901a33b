package org.sferum.sdk.samples.springjournal;

import java.util.Map;
import org.sferum.sdk.testkit.emulator.SferumEmulator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The sample school journal on Spring Boot (issue 14): the «Сферум» section of a journal in Spring MVC, wired by
 * sferum-spring-boot-starter from {@code application.yml}. It runs on an embedded emulator, started here before
 * Spring; a real journal drops these lines and sets {@code sferum.backend: vk}.
 */
@SpringBootApplication
public class SpringJournalApp {
    /**
     * Starts the emulator, then the journal on {@code http://127.0.0.1:8080}.
     *
     * @param args Spring Boot's arguments, such as {@code --server.port=8081}
     */
    public static void main(String[] args) {
        SferumEmulator emulator = SferumEmulator.builder().seedDemo(true).showSmsCodes(true).port(0).start();
        SpringApplication app = new SpringApplication(SpringJournalApp.class);
        app.setDefaultProperties(Map.of("sferum.endpoints.emulator", emulator.baseUri().toString()));
        app.addInitializers(context -> ((GenericApplicationContext) context).registerBean("sferumEmulator",
                SferumEmulator.class, () -> emulator, bean -> bean.setDestroyMethodName("close")));
        String port = app.run(args).getEnvironment().getProperty("local.server.port");
        System.out.println("Журнал: http://127.0.0.1:" + port + "/ ; эмулятор Сферума: " + emulator.baseUri()
                + " ; пароль VK ID демо-пользователей: Sferum-2026, коды из СМС печатает эмулятор");
    }
}
