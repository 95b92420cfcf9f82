package dev.lifeboat.activities.notify;

import static dev.lifeboat.activities.StepFailureAssertions.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.secrets.EchoServer;
import dev.lifeboat.activities.secrets.LocalSecrets;
import dev.lifeboat.activities.secrets.SecretLeakScanner;
import dev.lifeboat.activities.secrets.SecretPlaceholders;
import dev.lifeboat.activities.secrets.SecretSyntax;
import io.temporal.failure.ApplicationFailure;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A webhook URL from a secret file: posted to for real, never shown in results or failures. */
class NotifySecretsTest {
  private static final String HOOK_PATH = "T024/B0ZZ/xoxb-4f3e2d1c";
  private static final NotifyContext CONTEXT =
      new NotifyContext("run-1", "drill", "alice", "p", "P", "tell", "s", Map.of(), List.of());

  @TempDir Path dir;
  private final SecretLeakScanner scanner = new SecretLeakScanner(HOOK_PATH);
  private EchoServer hooks;
  private NotifyActivityImpl activity;
  private String placeholder;

  @BeforeEach
  void start() throws Exception {
    hooks = new EchoServer();
    Path file = Files.writeString(dir.resolve("ops-webhook"), HOOK_PATH + "\n");
    placeholder = SecretPlaceholders.of(SecretSyntax.parse("file:" + file));
    activity = new NotifyActivityImpl(HttpClient.newHttpClient(), new LocalSecrets(Map.of()));
  }

  @AfterEach
  void stop() {
    hooks.close();
  }

  private NotifyResult post(String path) {
    return activity.notify(
        new NotifyRequest(
            NotifyChannel.WEBHOOK, hooks.base() + path + placeholder, "Drill done", CONTEXT));
  }

  @Test
  void postsToTheRealUrlAndSummarisesItRedacted() {
    NotifyResult result = post("/ok/");

    assertThat(hooks.received()).singleElement().asString().startsWith("POST /ok/" + HOOK_PATH);
    assertThat(result.summary()).startsWith("posted to " + hooks.base() + "/ok/[redacted:file:");
    scanner.assertAbsentFrom(Map.of("summary", result.summary(), "message", result.message()));
  }

  @Test
  void redactsTheUrlFromARejectionThatEchoesIt() {
    ApplicationFailure failure = failureOf(() -> post("/reject/"));

    assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_INPUT.type());
    assertThat(failure.getOriginalMessage()).contains("answered 401", "[redacted:file:");
    scanner.assertAbsentFrom(Map.of("failure", failure.toString()));
  }
}
