package dev.lifeboat.activities.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The leak test is only as good as its scanner: it must find every spelling it claims to. */
class SecretLeakScannerTest {
  private static final String VALUE = "leak-me-if/you can";
  private final SecretLeakScanner scanner = new SecretLeakScanner(VALUE);

  @Test
  void findsTheValueAsIsAndUrlEncoded() {
    assertThat(scanner.scan("log", "header was " + VALUE)).extracting("spelling").contains("as is");
    assertThat(scanner.scan("url", "?t=" + URLEncoder.encode(VALUE, StandardCharsets.UTF_8)))
        .extracting("spelling")
        .contains("URL-encoded");
  }

  @Test
  void findsTheValueInsideBase64AtAnyOffsetAndInEitherAlphabet() {
    for (String before : new String[] {"", "x", "xy", "ops:", "{\"data\":\""}) {
      byte[] bytes = (before + VALUE + "\"}").getBytes(StandardCharsets.UTF_8);
      for (String encoded :
          new String[] {
            Base64.getEncoder().encodeToString(bytes), Base64.getUrlEncoder().encodeToString(bytes)
          }) {
        assertThat(scanner.scan("payload", "{\"data\": \"" + encoded + "\"}"))
            .as("the value after %s bytes, encoded as %s", before.length(), encoded)
            .extracting("spelling")
            .anySatisfy(spelling -> assertThat((String) spelling).startsWith("Base64"));
      }
    }
  }

  @Test
  void findsNothingInTextsWithoutTheValue() {
    assertThat(
            scanner.scan(
                Map.of(
                    "a",
                    "leak-me-if/you could not [redacted:file:/x]",
                    "b",
                    Base64.getEncoder().encodeToString("leak-me-if/you".getBytes()))))
        .isEmpty();
  }

  @Test
  void failsNamingWhereWithoutPrintingTheValue() {
    assertThatThrownBy(() -> scanner.assertAbsentFrom(Map.of("history event 7", "x " + VALUE)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("history event 7 (as is)")
        .hasMessageNotContaining(VALUE);
  }
}
