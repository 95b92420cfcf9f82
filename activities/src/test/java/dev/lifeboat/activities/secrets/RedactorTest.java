package dev.lifeboat.activities.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ApplicationFailure;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RedactorTest {
  private static final String TOKEN = "s3cr3t-t0ken/with+odd=chars \"q\"";
  private final Redactor redactor = new Redactor(Map.of("env:LB_TOKEN", TOKEN));
  private final SecretLeakScanner scanner = new SecretLeakScanner(TOKEN);

  private void assertClean(String redacted) {
    assertThat(scanner.scan("redacted text", redacted))
        .as("the secret must be gone from: %s", redacted)
        .isEmpty();
  }

  @Nested
  class Texts {
    @Test
    void replacesTheValueWithItsName() {
      assertThat(redactor.redact("auth=" + TOKEN + "; again " + TOKEN))
          .isEqualTo("auth=[redacted:env:LB_TOKEN]; again [redacted:env:LB_TOKEN]");
    }

    @Test
    void replacesTheUrlEncodedValue() {
      String url = "https://h/x?t=" + URLEncoder.encode(TOKEN, StandardCharsets.UTF_8);

      assertThat(redactor.redact(url)).isEqualTo("https://h/x?t=[redacted:env:LB_TOKEN]");
    }

    @Test
    void replacesTheJsonEscapedValue() {
      String json = "{\"you_sent\": \"" + TOKEN.replace("\"", "\\\"") + "\"}";

      assertThat(redactor.redact(json)).isEqualTo("{\"you_sent\": \"[redacted:env:LB_TOKEN]\"}");
    }

    @Test
    void removesTheValueFromBase64AtEveryAlignmentAsInBasicAuth() {
      for (String user : new String[] {"", "a", "ab", "abc", "ops:"}) {
        String basic =
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + TOKEN).getBytes(StandardCharsets.UTF_8));

        assertClean(redactor.redact(basic));
      }
    }

    @Test
    void leavesTextWithoutSecretsAlone() {
      assertThat(redactor.redact("GET http://h/health answered 200"))
          .isEqualTo("GET http://h/health answered 200");
      assertThat(redactor.redact(null)).isNull();
      assertThat(Redactor.NONE.redact(TOKEN)).isEqualTo(TOKEN);
    }

    @Test
    void prefersTheLongerValueWhenOneSecretContainsAnother() {
      Redactor both = new Redactor(Map.of("env:SHORT", "abcd", "env:LONG", "abcdefgh"));

      assertThat(both.redact("x abcdefgh y abcd"))
          .isEqualTo("x [redacted:env:LONG] y [redacted:env:SHORT]");
    }

    @Test
    void refusesValuesTooShortToRedact() {
      assertThatThrownBy(() -> new Redactor(Map.of("env:PIN", "123")))
          .hasMessage("secret env:PIN is shorter than 4 characters")
          .hasMessageNotContaining("123");
    }
  }

  @Nested
  class Failures {
    @Test
    void passesACleanFailureThroughUntouched() {
      ApplicationFailure clean = ApplicationFailure.newFailure("answered 503", "CHECK_FAILED");

      assertThat(redactor.redactFailure(clean)).isSameAs(clean);
    }

    @Test
    void copiesAFailureWithTheSameTypeAndRetryabilityAndARedactedCauseChain() {
      IllegalStateException cause = new IllegalStateException("server said " + TOKEN);
      ApplicationFailure leaky =
          ApplicationFailure.newNonRetryableFailureWithCause(
              "POST http://h answered 400: " + TOKEN, "BAD_INPUT", cause);

      RuntimeException redacted = redactor.redactFailure(leaky);

      assertThat(redacted).isInstanceOf(ApplicationFailure.class);
      ApplicationFailure failure = (ApplicationFailure) redacted;
      assertThat(failure.getType()).isEqualTo("BAD_INPUT");
      assertThat(failure.isNonRetryable()).isTrue();
      assertThat(failure.getOriginalMessage())
          .isEqualTo("POST http://h answered 400: [redacted:env:LB_TOKEN]");
      assertThat(failure.getStackTrace()).isEqualTo(leaky.getStackTrace());
      ApplicationFailure redactedCause = (ApplicationFailure) failure.getCause();
      assertThat(redactedCause.getType()).isEqualTo("java.lang.IllegalStateException");
      assertThat(redactedCause.getOriginalMessage())
          .isEqualTo("server said [redacted:env:LB_TOKEN]");
      assertThat(redactedCause.getCause()).isNull();
    }

    @Test
    void turnsAnyOtherExceptionIntoAFailureTypedWithItsClassName() {
      RuntimeException leaky = new IllegalArgumentException("bad header value " + TOKEN);

      ApplicationFailure failure = (ApplicationFailure) redactor.redactFailure(leaky);

      assertThat(failure.getType()).isEqualTo("java.lang.IllegalArgumentException");
      assertThat(failure.isNonRetryable()).isFalse();
      assertClean(failure.getOriginalMessage());
    }
  }
}
