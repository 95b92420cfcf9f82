package dev.lifeboat.app.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.LifeboatConfiguration;
import dev.lifeboat.app.TestApi;
import dev.lifeboat.app.TestApp;
import dev.lifeboat.app.TestTokens;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The tracker's files that each stopped the server from starting (9.3) or passed the load and then
 * failed every launch (9.4), in the folder of a service that must start anyway and offer the sound
 * plan beside them.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class HostileRunbooksAppTest {
  static final Path FOLDER = folder();

  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final DropwizardAppExtension<LifeboatConfiguration> APP =
      TestApp.extension(pg, "lifeboat_hostile_files", FOLDER);

  final ObjectMapper json = new ObjectMapper();

  @Test
  void startsOffersTheSoundPlanAndNamesEachBadFile() throws Exception {
    TestApi api = new TestApi(APP.getLocalPort());
    JsonNode list = json.readTree(api.get("/api/plans", TestTokens.VIEWER).body());

    List<String> names = new ArrayList<>();
    list.path("plans").forEach(plan -> names.add(plan.path("name").asText()));
    assertThat(names).containsExactly("sound");
    String problems = list.path("problems").toString();
    assertThat(problems)
        .contains("bomb.yml: the file is ")
        .contains(
            "overflow.yml:4:28: objectives.rpo: '106751991167301d' is longer than the longest"
                + " duration allowed, 365d (one year)")
        .contains("timeout.yml:8:69: stages[0].steps[0].timeout: '106751991167300d' is longer")
        .contains("nul.yml:2:8: title: text cannot hold the NUL character");
    assertThat(problems.length()).isLessThan(2_000);

    HttpResponse<String> launched =
        api.post("/api/plans/sound/runs", "{\"mode\": \"drill\"}", TestTokens.OPERATOR);
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
  }

  private static Path folder() {
    try {
      Path folder = Files.createTempDirectory("lifeboat-hostile");
      String sound =
          """
          name: sound
          title: Sound
          owner: tests
          objectives: {rto: 5m, rpo: 1h}
          stages:
            - name: one
              steps:
                - {id: say, kind: notify, channel: log, message: hi, timeout: 1m}
          """;
      Files.writeString(folder.resolve("sound.yml"), sound);
      Files.writeString(
          folder.resolve("overflow.yml"),
          sound.replace("sound", "overflow").replace("rpo: 1h", "rpo: 106751991167301d"));
      Files.writeString(
          folder.resolve("timeout.yml"),
          sound.replace("sound", "timeout").replace("timeout: 1m", "timeout: 106751991167300d"));
      Files.writeString(
          folder.resolve("nul.yml"),
          sound.replace("name: sound", "name: nul").replace("title: Sound", "title: \"a\\0b\""));
      StringBuilder bomb = new StringBuilder("name: &v " + "y".repeat(1_150_000) + "\nstages:\n");
      while (bomb.length() < 2_300_000) {
        bomb.append("  - *v\n");
      }
      Files.writeString(folder.resolve("bomb.yml"), bomb);
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
