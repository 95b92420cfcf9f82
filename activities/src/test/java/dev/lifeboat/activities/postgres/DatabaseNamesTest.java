package dev.lifeboat.activities.postgres;

import static dev.lifeboat.activities.StepFailureAssertions.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseNamesTest {
  @Test
  void acceptsLettersDigitsUnderscoreAndDash() {
    assertThat(DatabaseNames.quoted("drill_run-42")).isEqualTo("\"drill_run-42\"");
  }

  @Test
  void rejectsQuotesSpacesAndSemicolons() {
    assertThat(failureOf(() -> DatabaseNames.requireSafe("a\" b;")).isNonRetryable()).isTrue();
  }

  @Test
  void rejectsNamesLongerThanPostgresKeeps() {
    String sixtyFour = "a".repeat(64);

    assertThat(failureOf(() -> DatabaseNames.requireSafe(sixtyFour)).getOriginalMessage())
        .endsWith("is longer than PostgreSQL's limit of 63 bytes");
    assertThat(DatabaseNames.requireSafe("a".repeat(63))).hasSize(63);
  }
}
