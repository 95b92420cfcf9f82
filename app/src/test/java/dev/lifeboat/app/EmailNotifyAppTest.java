package dev.lifeboat.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.lifeboat.activities.FreePorts;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.workflow.CapturedLogs;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A drill with an email step, through the whole app: config.yml's {@code smtp:} (its password a
 * {@code file:} reference) reaches the notify activity, GreenMail receives the message, and the
 * password is in neither the run's API answers nor the logs.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class EmailNotifyAppTest {
  static final String PASSWORD = "smtp-app-s3cret";
  static final GreenMail MAIL = startMail();
  static final int TEMPORAL_PORT = FreePorts.next();

  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final DropwizardAppExtension<LifeboatConfiguration> APP =
      TestApp.extension(
          pg,
          "lifeboat_email",
          plans(),
          ConfigOverride.config("temporal.port", String.valueOf(TEMPORAL_PORT)),
          ConfigOverride.config("temporal.target", "127.0.0.1:" + TEMPORAL_PORT),
          ConfigOverride.config("smtp.host", "127.0.0.1"),
          ConfigOverride.config("smtp.port", String.valueOf(MAIL.getSmtp().getPort())),
          ConfigOverride.config("smtp.from", "lifeboat@example.org"),
          ConfigOverride.config("smtp.security", "none"),
          ConfigOverride.config("smtp.username", "lifeboat"),
          ConfigOverride.config("smtp.password", "file:" + passwordFile()));

  static CapturedLogs logs;
  final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void captureLogs() {
    logs = CapturedLogs.start("dev.lifeboat", "io.temporal", "org.eclipse.angus", "jakarta.mail");
  }

  @AfterAll
  static void stop() {
    logs.close();
    MAIL.stop();
  }

  @Test
  void aDrillMailsItsOwnRecipientsThroughTheConfiguredServer() throws Exception {
    HttpResponse<String> launched =
        send("POST", "/api/plans/mail-check/runs", "{\"mode\":\"drill\"}");
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
    String id = json.readTree(launched.body()).path("id").asText();

    JsonNode run =
        await("run " + id + " to end")
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () -> json.readTree(send("GET", "/api/runs/" + id, null).body()),
                r -> !r.path("status").asText().matches("pending|running"));
    assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("succeeded");

    MimeMessage[] received = MAIL.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("drill-team@example.org");
    assertThat(received[0].getSubject()).isEqualTo("[DRILL] Mail check: running");
    assertThat(GreenMailUtil.getBody(received[0]).strip())
        .isEqualTo("[DRILL] Run " + id + " by " + run.path("launcher").asText());

    String events = send("GET", "/api/runs/" + id + "/events", null).body();
    assertThat(events).contains("mailed to drill-team@example.org via 127.0.0.1:");
    assertThat(events + send("GET", "/api/runs/" + id, null).body()).doesNotContain(PASSWORD);
    assertThat(logs.texts().values()).noneMatch(text -> text.contains(PASSWORD));
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    return new TestApi(APP.getLocalPort()).send(method, path, body, TestTokens.ADMIN);
  }

  private static GreenMail startMail() {
    GreenMail mail =
        new GreenMail(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("lifeboat", PASSWORD));
    mail.start();
    return mail;
  }

  private static Path passwordFile() {
    try {
      Path file = Files.createTempFile("lifeboat-smtp", ".txt");
      Files.writeString(file, PASSWORD + "\n");
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path plans() {
    Path folder = TestPlans.folder();
    String plan =
        """
        name: mail-check
        title: Mail check
        owner: tests
        objectives: {rto: 5m, rpo: 1h}
        stages:
          - name: tell
            steps:
              - id: mail
                kind: notify
                channel: email
                to: oncall@example.org
                subject: "${plan.title}: ${run.outcome}"
                message: "Run ${run.id} by ${run.launcher}"
                timeout: 30s
                drill: {to: drill-team@example.org}
        """;
    try {
      Files.writeString(folder.resolve("mail-check.yml"), plan);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return folder;
  }
}
