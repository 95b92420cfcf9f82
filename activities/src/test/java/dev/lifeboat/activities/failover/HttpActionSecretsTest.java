package dev.lifeboat.activities.failover;

import static dev.lifeboat.activities.StepFailureAssertions.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.SingleAttempt;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.secrets.EchoServer;
import dev.lifeboat.activities.secrets.LocalSecrets;
import dev.lifeboat.activities.secrets.SecretLeakScanner;
import dev.lifeboat.activities.secrets.SecretPlaceholders;
import dev.lifeboat.activities.secrets.SecretSyntax;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secret placeholders in an http action: the API gets the real value, while everything the activity
 * returns or throws (through Temporal, as history records it) holds none of it, even when the API
 * echoes it back.
 */
class HttpActionSecretsTest {
  private static final String TOKEN = "s3cr3t/Tok+en==xyz";
  private static final String HOOK = "hook_9f8e7d6c5b4a";
  private static final String BEARER =
      "Bearer " + SecretPlaceholders.of(SecretSyntax.parse("env:LB_API_TOKEN"));

  @TempDir Path dir;
  private final SecretLeakScanner tokenScanner = new SecretLeakScanner(TOKEN);
  private final SecretLeakScanner hookScanner = new SecretLeakScanner(HOOK);
  private EchoServer api;
  private TestActivityEnvironment env;
  private HttpActionActivity activity;
  private String hookPlaceholder;

  @BeforeEach
  void start() throws Exception {
    api = new EchoServer();
    Path hookFile = Files.writeString(dir.resolve("hook"), HOOK + "\n");
    hookPlaceholder = SecretPlaceholders.of(SecretSyntax.parse("file:" + hookFile));
    env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(
        new HttpActionActivityImpl(
            HttpClient.newHttpClient(), new LocalSecrets(Map.of("LB_API_TOKEN", TOKEN))));
    activity =
        env.newActivityStub(
            HttpActionActivity.class, SingleAttempt.within(Duration.ofSeconds(30)).build());
  }

  @AfterEach
  void stop() {
    env.close();
    api.close();
  }

  private HttpActionRequest put(String path, String body) {
    return new HttpActionRequest(
        "PUT", api.base() + path, Map.of("Authorization", BEARER), body, 200, null);
  }

  @Test
  void sendsTheRealValueButReturnsTheEchoRedacted() {
    HttpActionResult result = activity.httpAction(put("/echo/pools", null));

    assertThat(api.received()).singleElement().asString().contains("Bearer " + TOKEN);
    assertThat(result.bodyExcerpt()).contains("Bearer [redacted:env:LB_API_TOKEN]");
    tokenScanner.assertAbsentFrom(
        Map.of("body excerpt", result.bodyExcerpt(), "summary", result.summary()));
  }

  @Test
  void fillsSecretsInTheUrlAndBodyAndRedactsThemFromTheSummary() {
    HttpActionResult result =
        activity.httpAction(put("/echo/" + hookPlaceholder, "{\"token\": \"" + BEARER + "\"}"));

    assertThat(api.received())
        .singleElement()
        .asString()
        .startsWith("PUT /echo/" + HOOK)
        .contains("{\"token\": \"Bearer " + TOKEN + "\"}");
    assertThat(result.summary()).startsWith("PUT " + api.base() + "/echo/[redacted:file:");
    Map<String, String> returned =
        Map.of("body excerpt", result.bodyExcerpt(), "summary", result.summary());
    tokenScanner.assertAbsentFrom(returned);
    hookScanner.assertAbsentFrom(returned);
  }

  @Test
  void redactsTheValueFromAFailureWhoseBodyEchoesIt() {
    ApplicationFailure failure = failureOf(() -> activity.httpAction(put("/reject/pools", null)));

    assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_INPUT.type());
    assertThat(failure.getOriginalMessage())
        .contains("answered 401", "Bearer [redacted:env:LB_API_TOKEN]");
    tokenScanner.assertAbsentFrom(Map.of("failure", chain(failure)));
  }

  @Test
  void failsAsBadConfigNamingTheReferenceBeforeSendingAnything() {
    HttpActionRequest request =
        new HttpActionRequest(
            "PUT",
            api.base() + "/ok/pools",
            Map.of("Authorization", SecretPlaceholders.of(SecretSyntax.parse("env:UNSET_TOKEN"))),
            null,
            200,
            null);

    ApplicationFailure failure = failureOf(() -> activity.httpAction(request));

    assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_CONFIG.type());
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage())
        .isEqualTo("secret env:UNSET_TOKEN: environment variable not set");
    assertThat(api.received()).as("nothing may be sent without its secret").isEmpty();
  }

  /** Every message of the failure and its causes, as history would hold them. */
  static String chain(Throwable failure) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      all.append(t).append('\n');
    }
    return all.toString();
  }
}
