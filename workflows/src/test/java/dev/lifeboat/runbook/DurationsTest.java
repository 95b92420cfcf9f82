package dev.lifeboat.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void parsesEveryUnitAndCombinations() {
    assertThat(Durations.parse("250ms")).contains(Duration.ofMillis(250));
    assertThat(Durations.parse("1h30m")).contains(Duration.ofMinutes(90));
    assertThat(Durations.parse("2d")).contains(Duration.ofDays(2));
    assertThat(Durations.parse("5x")).isEmpty();
    assertThat(Durations.parse("")).isEmpty();
  }

  @Test
  void formatsInHoursNotDaysSoObjectivesReadAsWritten() {
    assertThat(Durations.format(Duration.ofHours(24))).isEqualTo("24h");
    assertThat(Durations.format(Duration.ofMinutes(90))).isEqualTo("1h30m");
    assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1s500ms");
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
  }

  @Test
  void formatRoundTripsThroughParse() {
    for (String text : new String[] {"15m", "24h", "36h5s", "250ms"}) {
      assertThat(Durations.format(Durations.parse(text).orElseThrow())).isEqualTo(text);
    }
  }
}
