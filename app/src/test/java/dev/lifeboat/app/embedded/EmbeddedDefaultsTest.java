package dev.lifeboat.app.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.FreePorts;
import dev.lifeboat.app.LifeboatApplication;
import dev.lifeboat.app.LifeboatConfiguration;
import dev.lifeboat.app.SampleDump;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The shipped {@code config.yml} as the quick start runs it: embedded PostgreSQL and embedded
 * Temporal inside the service, the shipped example plan restoring into the embedded server. Only
 * ports and the data folder are moved, so the test cannot collide with a running Lifeboat.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class EmbeddedDefaultsTest {
  static final Path DATA = tempDirectory();
  static final int POSTGRES_PORT = FreePorts.next();

  static final DropwizardAppExtension<LifeboatConfiguration> APP =
      new DropwizardAppExtension<>(
          LifeboatApplication.class,
          Path.of("..", "config.yml").toString(),
          ConfigOverride.config("runbooks", Path.of("..", "runbooks").toString()),
          ConfigOverride.config("dataDirectory", DATA.toString()),
          ConfigOverride.config("embeddedPostgres.dataDirectory", DATA.resolve("pg").toString()),
          ConfigOverride.config("embeddedPostgres.port", String.valueOf(POSTGRES_PORT)),
          ConfigOverride.config("temporal.port", "0"),
          ConfigOverride.config(
              "auth.bootstrapTokenFile", DATA.resolve("initial-admin-token").toString()),
          ConfigOverride.config("server.applicationConnectors[0].port", "0"),
          ConfigOverride.config("server.adminConnectors[0].port", "0"));

  final HttpClient http = HttpClient.newHttpClient();
  final ObjectMapper json = new ObjectMapper();

  @Test
  void madeAnAdminTokenAtFirstStartInAnOwnerOnlyFileAndAnswersNobodyWithoutOne() throws Exception {
    Path file = DATA.resolve("initial-admin-token");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");

    HttpResponse<String> anonymous = send(HttpRequest.newBuilder(uri("/api/plans")));
    assertThat(anonymous.statusCode()).isEqualTo(401);
    JsonNode me =
        json.readTree(
            send(HttpRequest.newBuilder(uri("/api/me")).header("Authorization", bearer())).body());
    assertThat(me.path("name").asText()).isEqualTo("admin");
    assertThat(me.path("role").asText()).isEqualTo("admin");
  }

  @Test
  void runsTheExamplePlanOnTheEmbeddedDefaults() throws Exception {
    try (Connection postgres =
        DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:" + POSTGRES_PORT + "/postgres", "postgres", "")) {
      postgres.createStatement().execute("create database shop");
    }
    Path dump = SampleDump.create(DATA, 1000, "127.0.0.1", POSTGRES_PORT, "shop");

    HttpResponse<String> launched =
        launch(
            "example-drill", "{\"mode\":\"drill\",\"params\":{\"backup_path\":\"" + dump + "\"}}");
    assertThat(launched.statusCode()).as(launched.body()).isEqualTo(202);
    String id = json.readTree(launched.body()).path("id").asText();

    JsonNode run =
        await("the example drill " + id + " to end")
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () ->
                    json.readTree(
                        send(HttpRequest.newBuilder(uri("/api/runs/" + id))
                                .header("Authorization", bearer()))
                            .body()),
                r -> r.path("status").asText().matches("succeeded|failed"));
    assertThat(run.path("status").asText())
        .as("the example drill on the embedded defaults; run: %s", run)
        .isEqualTo("succeeded");
    assertThat(run.path("createdAt").asText())
        .as("times are ISO-8601 for people reading the record")
        .matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(run.path("cleanup").asText()).as("run: %s", run).isEqualTo("complete");
    try (Connection postgres =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + POSTGRES_PORT + "/postgres", "postgres", "");
        var rows =
            postgres
                .createStatement()
                .executeQuery(
                    "select count(*) from pg_database where datname like 'drill_shop_%'")) {
      rows.next();
      assertThat(rows.getInt(1)).as("drill_shop_* databases left after the drill").isZero();
    }
  }

  @Test
  void loadsEveryShippedPlanAndRefusesAFailoverToMachinesItDoesNotConfigure() throws Exception {
    JsonNode plans =
        json.readTree(
            send(HttpRequest.newBuilder(uri("/api/plans")).header("Authorization", bearer()))
                .body());
    assertThat(plans.path("problems"))
        .as("every runbook in runbooks/ must load with the shipped config (no hosts): %s", plans)
        .isEmpty();
    assertThat(plans.path("plans").findValuesAsText("name"))
        .contains("example-drill", "example-failover");

    HttpResponse<String> refused =
        launch(
            "example-failover",
            "{\"mode\":\"recovery\",\"params\":{\"old_primary_host\":\"db-1\","
                + "\"lb_pool_url\":\"https://lb.example/api/pools/shop-db\","
                + "\"shop_health_url\":\"https://shop.example/health\"}}");

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
    assertThat(json.readTree(refused.body()).path("error").path("details").toString())
        .as("the launch names each machine the configuration lacks")
        .contains("unknown host 'db-1'; no hosts are configured (hosts in config.yml)")
        .contains("unknown PostgreSQL server 'standby'; configured servers: local");
  }

  private HttpResponse<String> launch(String plan, String body) throws Exception {
    return send(
        HttpRequest.newBuilder(uri("/api/plans/" + plan + "/runs"))
            .header("Content-Type", "application/json")
            .header("Authorization", bearer())
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** The admin token the first start wrote, as bin/quickstart and `lifeboat run` use it. */
  private static String bearer() throws IOException {
    return "Bearer " + Files.readString(DATA.resolve("initial-admin-token")).trim();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + APP.getLocalPort() + path);
  }

  private static Path tempDirectory() {
    try {
      return Files.createTempDirectory("lifeboat-embedded");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
