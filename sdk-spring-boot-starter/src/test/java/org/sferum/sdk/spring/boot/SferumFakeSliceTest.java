package org.sferum.sdk.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sferum.sdk.Sferum;
import org.sferum.sdk.chats.ChatId;
import org.sferum.sdk.core.SferumClient;
import org.sferum.sdk.messages.HistoryQuery;
import org.sferum.sdk.spring.boot.app.Homework;
import org.sferum.sdk.spring.boot.app.HomeworkApp;
import org.sferum.sdk.spring.boot.test.AutoConfigureSferumFake;
import org.sferum.sdk.testkit.DemoSchool;
import org.sferum.sdk.testkit.fake.FakeSferum;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The test slice: with {@link AutoConfigureSferumFake} the application's code gets the in-memory fake; the starter's
 * client is not made, so nothing goes to the network (the emulator address below has no server behind it).
 */
@SpringBootTest(classes = HomeworkApp.class, webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "sferum.backend=emulator", "sferum.endpoints.emulator=http://127.0.0.1:9", "sferum.store.type=memory",
        // This test needs no database; the class path has the JDBC starter for the other tests.
        "spring.autoconfigure.exclude=org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration"})
@AutoConfigureSferumFake
class SferumFakeSliceTest {
    @Autowired
    Sferum sferum;
    @Autowired
    FakeSferum fake;
    @Autowired
    DemoSchool school;
    @Autowired
    Homework homework;
    @Autowired
    ApplicationContext context;

    @Test
    @DisplayName("F-EMB-03 a Spring test gets the fake and its demo school instead of the network")
    void fakeInsteadOfTheNetwork() {
        assertThat(sferum).isSameAs(fake);
        assertThat(context.getBeansOfType(SferumClient.class)).isEmpty();
        assertThat(context.getBeansOfType(SferumHealthIndicator.class)).isEmpty();

        ChatId chat = homework.post(school.teacher().token(), Set.of(school.students().get(0).person().id()),
                "№15, №16");
        var history = fake.sessionOf(school.students().get(0)).messages().history(chat, HistoryQuery.newestFirst(5));
        assertThat(history.items()).singleElement().satisfies(m -> assertThat(m.text()).isEqualTo("№15, №16"));
    }
}
