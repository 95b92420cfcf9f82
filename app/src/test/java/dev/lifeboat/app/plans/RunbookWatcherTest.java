package dev.lifeboat.app.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.LifeboatConfiguration;
import dev.lifeboat.app.TestApi;
import dev.lifeboat.app.TestApp;
import dev.lifeboat.app.TestPlans;
import dev.lifeboat.app.TestTokens;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The running service sees a runbook added, broken and deleted without being asked (8.9). */
@ExtendWith(DropwizardExtensionsSupport.class)
class RunbookWatcherTest {
  static final Path FOLDER = folder();

  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final DropwizardAppExtension<LifeboatConfiguration> APP =
      TestApp.extension(pg, "lifeboat_watch", FOLDER);

  final ObjectMapper json = new ObjectMapper();

  @Test
  void offersANewPlanWithinSecondsAndDropsADeletedOne() throws Exception {
    assertThat(plans()).containsExactly("first");

    Files.writeString(FOLDER.resolve("second.yml"), plan("second"));
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(plans()).containsExactly("first", "second"));

    Files.writeString(FOLDER.resolve("second.yml"), plan("second").replace("stages", "stagez"));
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(list().path("problems").toString())
                    .contains("second.yml:5:1: stagez: unknown field 'stagez'"));
    assertThat(plans()).as("the last good version stays").containsExactly("first", "second");

    Files.delete(FOLDER.resolve("second.yml"));
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(plans()).containsExactly("first"));
    assertThat(list().path("problems")).isEmpty();
  }

  private JsonNode list() throws Exception {
    return json.readTree(
        new TestApi(APP.getLocalPort()).get("/api/plans", TestTokens.VIEWER).body());
  }

  private List<String> plans() throws Exception {
    List<String> names = new ArrayList<>();
    list().path("plans").forEach(plan -> names.add(plan.path("name").asText()));
    return names;
  }

  private static Path folder() {
    try {
      Path folder = Files.createTempDirectory("lifeboat-watch");
      Files.writeString(folder.resolve("first.yml"), plan("first"));
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String plan(String name) {
    return TestPlans.oneStep(name, "A plan");
  }
}
