package dev.lifeboat.activities.secrets;

import static dev.lifeboat.activities.StepFailureAssertions.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.ssh.SecretReference;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepSecretsTest {
  private final List<String> asked = new ArrayList<>();
  private final Map<String, String> env =
      Map.of("LB_TOKEN", "tok-123456", "PIN", "123", "HOOK", "T0/B0/xyz");
  private final Secrets counting =
      reference -> {
        asked.add(reference.reference());
        return new LocalSecrets(env).resolve(reference);
      };

  private static String placeholder(String reference) {
    return SecretPlaceholders.of(new SecretReference(reference));
  }

  @Test
  void fillsEachPlaceholderWithItsValueAndResolvesEachReferenceOnce() {
    String url = "https://h/" + placeholder("env:HOOK") + "?t=" + placeholder("env:LB_TOKEN");
    String header = "Bearer " + placeholder("env:LB_TOKEN");

    StepSecrets used = StepSecrets.resolve(counting, Arrays.asList(url, header, null));

    assertThat(used.fill(url)).isEqualTo("https://h/T0/B0/xyz?t=tok-123456");
    assertThat(used.fill(header)).isEqualTo("Bearer tok-123456");
    assertThat(used.fill(null)).isNull();
    assertThat(asked).containsExactly("env:HOOK", "env:LB_TOKEN");
    assertThat(used.redactor().redact("echo: Bearer tok-123456"))
        .isEqualTo("echo: Bearer [redacted:env:LB_TOKEN]");
  }

  @Test
  void fillsHeaderValuesButNeverHeaderNames() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + placeholder("env:LB_TOKEN"));
    headers.put("X-Trace", "1");
    StepSecrets used = StepSecrets.resolve(counting, headers.values());

    assertThat(used.fillValues(headers))
        .containsExactly(
            Map.entry("Authorization", "Bearer tok-123456"), Map.entry("X-Trace", "1"));
  }

  @Test
  void resolvesNothingForTextsWithoutPlaceholders() {
    StepSecrets used = StepSecrets.resolve(counting, List.of("https://h/health"));

    assertThat(asked).isEmpty();
    assertThat(used.fill("https://h/health")).isEqualTo("https://h/health");
  }

  @Test
  void refusesASecretTooShortToRedactAsBadConfigWithoutItsValue() {
    ApplicationFailure failure =
        failureOf(() -> StepSecrets.resolve(counting, List.of(placeholder("env:PIN"))));

    assertThat(failure.getType()).isEqualTo("BAD_CONFIG");
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage())
        .isEqualTo("secret env:PIN is shorter than 4 characters: too short to keep out of outputs");
  }
}
