package dev.lifeboat.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  private static final List<String> KEYS = List.of("timeout", "retry", "on_failure");

  @Test
  void suggestsANameWithinTwoEdits() {
    assertThat(Suggestions.closest("timout", KEYS)).contains("timeout");
    assertThat(Suggestions.closest("retyr", KEYS)).contains("retry");
  }

  @Test
  void suggestsNothingForAnUnrelatedWord() {
    assertThat(Suggestions.closest("colour", KEYS)).isEmpty();
    assertThat(Suggestions.closest("ab", List.of("x"))).as("short words match anything").isEmpty();
  }

  @Test
  void listsTheValidNamesWhenNothingIsClose() {
    assertThat(Suggestions.unknown("field", "colour", KEYS))
        .isEqualTo("unknown field 'colour'; expected one of: timeout, retry, on_failure");
  }
}
