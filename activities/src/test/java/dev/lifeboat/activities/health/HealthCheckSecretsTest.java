package dev.lifeboat.activities.health;

import static dev.lifeboat.activities.StepFailureAssertions.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.SingleAttempt;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.postgres.ConfiguredPostgresServers;
import dev.lifeboat.activities.secrets.EchoServer;
import dev.lifeboat.activities.secrets.LocalSecrets;
import dev.lifeboat.activities.secrets.SecretLeakScanner;
import dev.lifeboat.activities.secrets.SecretPlaceholders;
import dev.lifeboat.activities.secrets.SecretSyntax;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An HTTP probe with a secret in its URL path and a header: sent for real, never returned. */
class HealthCheckSecretsTest {
  private static final String TOKEN = "tok_9f8e7d6c5b4a3210";
  private static final String PLACEHOLDER =
      SecretPlaceholders.of(SecretSyntax.parse("env:LB_API_TOKEN"));

  private final SecretLeakScanner scanner = new SecretLeakScanner(TOKEN);
  private final List<HealthProgress> heartbeats = new CopyOnWriteArrayList<>();
  private EchoServer site;
  private TestActivityEnvironment env;
  private HealthCheckActivity activity;

  @BeforeEach
  void start() {
    site = new EchoServer();
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        new HealthCheckActivityImpl(
            new ConfiguredPostgresServers(Map.of()),
            HttpClient.newHttpClient(),
            Clock.systemUTC(),
            new LocalSecrets(Map.of("LB_API_TOKEN", TOKEN))));
    env.setActivityHeartbeatListener(HealthProgress.class, heartbeats::add);
    activity =
        env.newActivityStub(
            HealthCheckActivity.class, SingleAttempt.within(Duration.ofSeconds(30)).build());
  }

  @AfterEach
  void stop() {
    env.close();
    site.close();
  }

  private HealthCheckRequest probe(String path, String expectBody, Duration untilHealthy) {
    return new HealthCheckRequest(
        null,
        new HttpProbe(
            site.base() + path + PLACEHOLDER,
            200,
            expectBody,
            null,
            Map.of("Authorization", "Bearer " + PLACEHOLDER)),
        null,
        untilHealthy,
        Duration.ofMillis(100));
  }

  @Test
  void sendsTheValueInPathAndHeaderAndSummarisesWithoutIt() {
    HealthCheckResult result = activity.healthCheck(probe("/echo/", null, null));

    assertThat(site.received())
        .singleElement()
        .asString()
        .startsWith("GET /echo/" + TOKEN)
        .contains("Bearer " + TOKEN);
    assertThat(result.summary())
        .isEqualTo(
            "GET "
                + site.base()
                + "/echo/[redacted:env:LB_API_TOKEN]: healthy (200) in "
                + result.latencyMillis()
                + "ms");
    scanner.assertAbsentFrom(Map.of("summary", result.summary(), "observed", result.observed()));
  }

  @Test
  void redactsTheEchoedValueFromTheBodyExcerptOfAFailure() {
    ApplicationFailure failure =
        failureOf(() -> activity.healthCheck(probe("/echo/", "all systems go", null)));

    assertThat(failure.getType()).isEqualTo(StepFailureType.CHECK_FAILED.type());
    assertThat(failure.getOriginalMessage())
        .contains("got 'you sent: GET /echo/[redacted:env:LB_API_TOKEN]");
    scanner.assertAbsentFrom(Map.of("failure", failure.toString()));
  }

  @Test
  void keepsTheValueOutOfHeartbeatsAndTheFinalFailureWhilePolling() {
    ApplicationFailure failure =
        failureOf(() -> activity.healthCheck(probe("/reject/", null, Duration.ofMillis(500))));

    assertThat(site.received().size()).as("probes sent while polling").isGreaterThan(1);
    assertThat(heartbeats).isNotEmpty();
    scanner.assertAbsentFrom(
        Map.of("heartbeats", heartbeats.toString(), "failure", failure.toString()));
  }

  @Test
  void failsAsBadConfigBeforeProbingWhenTheSecretIsUnset() {
    HealthCheckRequest request =
        new HealthCheckRequest(
            null,
            new HttpProbe(
                site.base() + "/ok/",
                200,
                null,
                null,
                Map.of("X-Token", SecretPlaceholders.of(SecretSyntax.parse("env:NOT_SET")))),
            null,
            null,
            null);

    ApplicationFailure failure = failureOf(() -> activity.healthCheck(request));

    assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_CONFIG.type());
    assertThat(failure.getOriginalMessage())
        .isEqualTo("secret env:NOT_SET: environment variable not set");
    assertThat(site.received()).isEmpty();
  }
}
