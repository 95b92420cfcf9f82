package dev.lifeboat.app.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.lifeboat.activities.FreePorts;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.LifeboatApplication;
import dev.lifeboat.app.LifeboatConfiguration;
import dev.lifeboat.app.TestApi;
import dev.lifeboat.app.TestPlans;
import dev.lifeboat.app.TestTokens;
import dev.lifeboat.app.store.RecordWrites;
import dev.lifeboat.app.store.RunRecordActivityImpl;
import dev.lifeboat.app.store.RunStore;
import dev.lifeboat.app.store.StateColumns;
import dev.lifeboat.app.temporal.TemporalConnection;
import dev.lifeboat.workflow.RecordEventsRequest;
import dev.lifeboat.workflow.RunEvent;
import dev.lifeboat.workflow.RunEventType;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole app with the plan owner {@code dba-team} told by e-mail (GreenMail): a drill that fails
 * sends started, step failed and finished (verdict fail, the report's link); a recovery waiting for
 * approval sends approval needed with the commands; a hostile plan title arrives as text; a retried
 * record write sends nothing again.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RunNoticesAppTest {
  static final String OWNER_MAIL = "dba-oncall@example.org";
  static final String HOSTILE_TITLE =
      "Shop ${run.id} <#assign x = 1>${x} <b>bold</b>\\r\\nBcc: evil@example.org";
  static final GreenMail MAIL = startMail();
  static final int TEMPORAL_PORT = FreePorts.next();

  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final String DATABASE = pg.createDatabase("lifeboat_run_notices");

  static final DropwizardAppExtension<LifeboatConfiguration> APP =
      new DropwizardAppExtension<>(
          LifeboatApplication.class,
          config().toString(),
          ConfigOverride.config("runbooks", plans().toString()),
          ConfigOverride.config("database.url", pg.url(DATABASE)),
          ConfigOverride.config("database.user", TestPostgres.server().user()),
          ConfigOverride.config("dataDirectory", temporaryDirectory("lifeboat-data").toString()),
          ConfigOverride.config("temporal.port", String.valueOf(TEMPORAL_PORT)),
          ConfigOverride.config("temporal.target", "127.0.0.1:" + TEMPORAL_PORT));

  final ObjectMapper json = new ObjectMapper();

  @AfterAll
  static void stop() {
    MAIL.stop();
  }

  @Test
  void aFailedDrillTellsTheOwnerItStartedWhatFailedAndItsVerdictWithTheReportLink()
      throws Exception {
    String id = launch("notice-fails", "drill", TestTokens.ADMIN);
    awaitEnd(id);

    List<MimeMessage> mails =
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsOf(id), m -> m.size() >= 3);
    assertThat(mails).hasSize(3);
    MimeMessage started = about(mails, "started");
    MimeMessage failed = about(mails, "step port-closed");
    MimeMessage finished = about(mails, "verdict");
    assertThat(started.getAllRecipients()[0].toString()).isEqualTo(OWNER_MAIL);
    // The title's line break is a space in the subject (one header line): no header injected.
    assertThat(started.getSubject())
        .isEqualTo(
            "[DRILL] Lifeboat: drill of notice-fails started (Shop ${run.id} <#assign x = 1>${x}"
                + " <b>bold</b> Bcc: evil@example.org)");
    assertThat(started.getRecipients(jakarta.mail.Message.RecipientType.BCC)).isNull();
    assertThat(body(started))
        .contains("The drill " + id + " of plan notice-fails started")
        .contains("Plan: Shop ${run.id} <#assign x = 1>${x} <b>bold</b>")
        .contains("http://lifeboat.test:8080/api/runs/" + id);
    assertThat(failed.getSubject())
        .isEqualTo("[DRILL] Lifeboat: step port-closed of notice-fails failed");
    assertThat(body(failed)).contains("step port-closed (stage check) failed", "127.0.0.1:9");
    assertThat(finished.getSubject())
        .isEqualTo("[DRILL] Lifeboat: drill of notice-fails failed, verdict fail");
    assertThat(body(finished))
        .contains("Verdict: fail", "- ", "port-closed")
        .contains("Report: http://lifeboat.test:8080/api/runs/" + id + "/report?format=html");
    assertThat(
            pg.queryText(
                DATABASE,
                "select string_agg(event, ',' order by seq) from run_notices where run_id = '"
                    + id
                    + "'"))
        .isEqualTo("run.started,step.failed,run.finished");
  }

  @Test
  void aRecoveryWaitingForApprovalTellsWhoMayApproveAndHow() throws Exception {
    String id = launch("notice-approval", "recovery", TestTokens.COMMANDER);
    List<MimeMessage> mails =
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsOf(id), m -> m.size() >= 2);
    MimeMessage approval = about(mails, "waits for approval");
    assertThat(approval.getSubject())
        .isEqualTo("Lifeboat: notice-approval waits for approval of go-ahead");
    assertThat(body(approval))
        .contains("awaiting 1 approval by distinct people holding the role commander")
        .contains("POST http://lifeboat.test:8080/api/runs/" + id + "/steps/go-ahead/approve")
        .contains("java -jar lifeboat.jar approve " + id + " go-ahead --comment");
    api().post("/api/runs/" + id + "/cancel", "{}", TestTokens.ADMIN);
    awaitEnd(id);
  }

  @Test
  void aRetriedRecordWriteSendsNoNoticeTwice() throws Exception {
    String id = launch("notice-fails", "drill", TestTokens.ADMIN);
    awaitEnd(id);
    await().atMost(Duration.ofSeconds(30)).until(() -> mailsOf(id), m -> m.size() == 3);
    TemporalConnection temporal = TemporalConnection.to("127.0.0.1:" + TEMPORAL_PORT, "default");
    try {
      Jdbi jdbi =
          Jdbi.create(pg.url(DATABASE), TestPostgres.server().user(), "")
              .installPlugin(new SqlObjectPlugin())
              .installPlugin(new StateColumns());
      RunRecordActivityImpl writer =
          new RunRecordActivityImpl(
              new RunStore(jdbi),
              Jackson.newObjectMapper(),
              new RecordWrites(Clock.systemUTC()),
              new TemporalRunNotices(temporal.client(), "lifeboat-test", NoticesConfig.defaults()));
      // The run's start as the workflow wrote it, written again (twice) as a retry would.
      RecordEventsRequest retried =
          new RecordEventsRequest(
              id,
              List.of(
                  new RunEvent(
                      id,
                      1,
                      RunEventType.RUN_STARTED,
                      Instant.now(),
                      null,
                      null,
                      null,
                      0,
                      "again",
                      null)));
      assertThat(writer.recordEvents(retried).appended()).isZero();
      assertThat(writer.recordEvents(retried).appended()).isZero();

      await()
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(5))
          .until(() -> mailsOf(id).size() == 3);
      assertThat(
              pg.queryText(
                  DATABASE, "select count(*) from run_notices where run_id = '" + id + "'"))
          .isEqualTo("3");
    } finally {
      temporal.stop();
    }
  }

  private String launch(String plan, String mode, String token) throws Exception {
    HttpResponse<String> launched =
        api().post("/api/plans/" + plan + "/runs", "{\"mode\":\"" + mode + "\"}", token);
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
    return json.readTree(launched.body()).path("id").asText();
  }

  private void awaitEnd(String id) {
    await("run " + id + " to end")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> json.readTree(api().get("/api/runs/" + id, TestTokens.ADMIN).body()),
            (JsonNode r) -> !r.path("status").asText().matches("pending|running"));
  }

  private static List<MimeMessage> mailsOf(String id) {
    return Arrays.stream(MAIL.getReceivedMessages()).filter(m -> body(m).contains(id)).toList();
  }

  private static MimeMessage about(List<MimeMessage> mails, String word) {
    return mails.stream()
        .filter(m -> subject(m).contains(word))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no mail about '"
                        + word
                        + "' among "
                        + mails.stream().map(RunNoticesAppTest::subject).toList()));
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String body(MimeMessage message) {
    return GreenMailUtil.getBody(message).replace("=\r\n", "").replace("\r\n", "\n");
  }

  private TestApi api() {
    return new TestApi(APP.getLocalPort());
  }

  private static GreenMail startMail() {
    GreenMail mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    mail.start();
    return mail;
  }

  /** test-config.yml with the owner's e-mail channel, the SMTP server and the notices' address. */
  private static Path config() {
    try {
      Path file = Files.createTempFile("lifeboat-notices", ".yml");
      Files.writeString(
          file,
          Files.readString(Path.of(ResourceHelpers.resourceFilePath("test-config.yml")))
              + """

              smtp: {host: 127.0.0.1, port: %d, from: lifeboat@example.org, security: none}
              owners:
                dba-team: {channel: email, to: [%s]}
              notices: {baseUrl: "http://lifeboat.test:8080/"}
              """
                  .formatted(MAIL.getSmtp().getPort(), OWNER_MAIL));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path temporaryDirectory(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path plans() {
    Path folder = TestPlans.folder();
    try {
      Files.writeString(
          folder.resolve("notice-fails.yml"),
          """
          name: notice-fails
          title: "%s"
          owner: dba-team
          objectives: {rto: 5m, rpo: 1h}
          stages:
            - name: check
              steps:
                - id: port-closed
                  kind: health-check
                  tcp: {host: 127.0.0.1, port: 9}
          """
              .formatted(HOSTILE_TITLE));
      Files.writeString(
          folder.resolve("notice-approval.yml"),
          """
          name: notice-approval
          title: Recovery behind an approval
          owner: dba-team
          objectives: {rto: 5m, rpo: 1h}
          stages:
            - name: approve
              steps:
                - {id: go-ahead, kind: approval, approvers: 1, timeout: 10m}
            - name: act
              steps:
                - {id: switch, kind: notify, channel: log, message: "switched"}
          """);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return folder;
  }
}
