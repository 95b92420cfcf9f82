package dev.lifeboat.app.packaged;

import static dev.lifeboat.app.packaged.JarApi.step;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeboat.activities.ssh.SshServerExtension;
import dev.lifeboat.app.SampleDump;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The shipped jar, started as the README starts it, on the embedded defaults. The other tests run
 * from classes, where every library is a jar of its own; this one catches what only shading can
 * break: a jar without {@code Multi-Release: true} hid JSch's ed25519 support, so the README's own
 * {@code ssh-keygen -t ed25519} set-up failed with "Algorithm negotiation fail" while every test
 * passed.
 */
class PackagedJarIT {
  // ed25519 host key and user key, as the README sets them up
  @RegisterExtension static final SshServerExtension sshd = new SshServerExtension();

  static LifeboatHome home;
  static LifeboatJar lifeboat;
  static JarApi api;

  @BeforeAll
  static void start() throws Exception {
    home =
        LifeboatHome.create(LifeboatHome.hostsFor(sshd.server()))
            .runbook(
                "over-ssh.yml",
                """
                name: over-ssh
                title: One command on a host over SSH
                owner: tests
                objectives: {rto: 5m, rpo: 1h}
                stages:
                  - name: remote
                    steps:
                      - id: say-hello
                        kind: command
                        host: test-sshd
                        run: echo hello from "$(hostname)"
                        timeout: 1m
                        retry: {attempts: 1}
                """);
    lifeboat = LifeboatJar.start(home);
    api = new JarApi(home);
  }

  @AfterAll
  static void stop() throws Exception {
    if (lifeboat != null) {
      lifeboat.close();
    }
    if (home != null) {
      home.delete();
    }
  }

  @Test
  void runsACommandOverSshWithAnEd25519KeyAndHostKey() throws Exception {
    String id = api.launch("over-ssh", "{\"mode\": \"drill\"}");

    JsonNode run = api.awaitEnd(id, Duration.ofSeconds(60));

    assertThat(run.path("status").asText())
        .as("a command over SSH with ed25519 keys, from the shipped jar: %s", run)
        .isEqualTo("succeeded");
    assertThat(step(run, "say-hello").path("summary").asText())
        .startsWith("ran command on host test-sshd: exit 0");
  }

  @Test
  void auditVerifyChecksTheRecordWhileTheServerRuns() throws Exception {
    String id = api.launch("over-ssh", "{\"mode\": \"drill\"}");
    api.awaitEnd(id, Duration.ofSeconds(60));

    LifeboatJar.Ran verified =
        LifeboatJar.command(home, "audit", "verify", "--run", id, home.config().toString());

    assertThat(verified.exit()).as(verified.output()).isZero();
    assertThat(verified.output()).contains("run " + id + ": intact, ").contains(", head ");
  }

  @Test
  void rendersAPdfReportThatHoldsTheRunAndItsChainHead() throws Exception {
    String id = api.launch("over-ssh", "{\"mode\": \"drill\"}");
    api.awaitEnd(id, Duration.ofSeconds(60));

    byte[] pdf = api.bytes("/api/runs/" + id + "/report?format=pdf", "application/pdf");

    String text;
    try (PDDocument document = Loader.loadPDF(pdf)) {
      // Without white space: a long hash or id may wrap at any character in a table cell.
      text = new PDFTextStripper().getText(document).replaceAll("\\s+", "");
    }
    String head =
        LifeboatJar.command(home, "audit", "verify", "--run", id, home.config().toString())
            .output()
            .replaceAll("(?s).*, head ([0-9a-f]{64}).*", "$1");
    assertThat(text)
        .as("the PDF rendered by the shipped jar (fonts and PDFBox shaded in)")
        .contains("over-ssh", "say-hello", id)
        .contains(head);
  }

  @Test
  void prechecksAPlanWithAnEd25519LoginFromTheJar() throws Exception {
    JsonNode answer = api.post("/api/plans/over-ssh/precheck?wait=60", "{}", 200);

    assertThat(answer.path("verdict").asText()).as(answer.toString()).isEqualTo("pass");
    assertThat(answer.toString()).contains("test-sshd");
  }

  @Test
  void runsTheExampleDrillAsTheQuickStartDoes() throws Exception {
    try (Connection postgres =
        DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + home.postgresPort() + "/postgres", "postgres", "")) {
      postgres.createStatement().execute("create database shop");
    }
    Path backups = Files.createDirectories(home.data().resolve("backups"));
    Path dump = SampleDump.create(backups, 1000, "127.0.0.1", home.postgresPort(), "shop");

    String id =
        api.launch(
            "example-drill",
            "{\"mode\": \"drill\", \"params\": {\"backup_path\": \"" + dump + "\"}}");
    JsonNode run = api.awaitEnd(id, Duration.ofSeconds(90));

    assertThat(run.path("status").asText())
        .as("the example drill from the shipped jar: %s", run)
        .isEqualTo("succeeded");
    assertThat(step(run, "count-orders").path("summary").asText()).contains("healthy (1000)");
    assertThat(run.path("cleanup").asText())
        .as("the drill's undo dropped its scratch database: %s", run)
        .isEqualTo("complete");
    try (Connection postgres =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + home.postgresPort() + "/postgres",
                "postgres",
                "");
        var rows =
            postgres
                .createStatement()
                .executeQuery(
                    "select count(*) from pg_database where datname like 'drill_shop_%'")) {
      rows.next();
      assertThat(rows.getInt(1)).as("drill_shop_* databases left after the drill").isZero();
    }
  }
}
