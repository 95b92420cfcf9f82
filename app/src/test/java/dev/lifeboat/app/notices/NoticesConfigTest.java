package dev.lifeboat.app.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeboat.app.LifeboatConfiguration;
import io.dropwizard.configuration.ConfigurationException;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code notices:} in config.yml: every event by default, none with {@code []}, typos named. */
class NoticesConfigTest {
  private static LifeboatConfiguration read(String notices)
      throws IOException, ConfigurationException {
    String yaml = "database: {url: 'jdbc:postgresql://127.0.0.1/lifeboat'}\n" + notices;
    return new YamlConfigurationFactory<>(
            LifeboatConfiguration.class, Validators.newValidator(), Jackson.newObjectMapper(), "dw")
        .build(
            path -> new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "config.yml");
  }

  @Test
  void withoutTheBlockEveryEventIsToldWithLinksToTheDefaultAddress() throws Exception {
    NoticesConfig notices = read("").getNotices();
    assertThat(notices.events()).containsExactlyInAnyOrder(NoticeEvent.values());
    assertThat(notices.baseUrl()).isEqualTo("http://127.0.0.1:8080");
  }

  @Test
  void anEmptyListTurnsThemOff() throws Exception {
    NoticesConfig notices =
        read("notices: {baseUrl: 'https://lifeboat.example.org/', events: []}").getNotices();
    assertThat(notices.events()).isEmpty();
    assertThat(notices.baseUrl()).isEqualTo("https://lifeboat.example.org");
  }

  @Test
  void readsTheChosenEvents() throws Exception {
    assertThat(read("notices: {events: [run.finished, step.failed]}").getNotices().events())
        .containsExactlyInAnyOrder(NoticeEvent.RUN_FINISHED, NoticeEvent.STEP_FAILED);
  }

  @Test
  void anUnknownEventIsAConfigurationErrorListingTheEvents() {
    assertThatThrownBy(() -> read("notices: {events: [run.ended]}"))
        .hasMessageContaining("unknown event 'run.ended'")
        .hasMessageContaining(
            "run.started, step.awaiting_approval, step.failed, step.awaiting_decision,"
                + " run.finished");
  }

  @Test
  void aBaseUrlThatIsNotHttpIsRefused() {
    assertThatThrownBy(() -> read("notices: {baseUrl: 'ftp://example.org'}"))
        .hasMessageContaining("notices.baseUrl must be an http(s) address");
  }
}
