package dev.lifeboat.workflow.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CronSpecTest {
  @Test
  void readsFiveFieldsAsUnixCronAndSixWithSecondsFirst() {
    Instant from = Instant.parse("2026-12-02T10:00:00Z");
    assertThat(new CronSpec("30 9 * * *", "UTC").next(from))
        .hasValue(Instant.parse("2026-12-03T09:30:00Z"));
    assertThat(new CronSpec("*/10 * * * * *", "UTC").nextFires(from, 3))
        .containsExactly(
            Instant.parse("2026-12-02T10:00:10Z"),
            Instant.parse("2026-12-02T10:00:20Z"),
            Instant.parse("2026-12-02T10:00:30Z"));
  }

  @Test
  void findsTheLatestFireAtOrBeforeATime() {
    CronSpec hourly = new CronSpec("0 * * * *", "UTC");
    assertThat(hourly.lastAtOrBefore(Instant.parse("2026-12-02T10:59:59Z")))
        .hasValue(Instant.parse("2026-12-02T10:00:00Z"));
    assertThat(hourly.lastAtOrBefore(Instant.parse("2026-12-02T10:00:00Z")))
        .hasValue(Instant.parse("2026-12-02T10:00:00Z"));
  }

  @Test
  void refusesWhatItCannotReadNamingTheProblem() {
    assertThatThrownBy(() -> new CronSpec("0 9 * *", "UTC")).hasMessageContaining("has 4 fields");
    assertThatThrownBy(() -> new CronSpec("61 9 * * *", "UTC"))
        .hasMessageContaining("'61 9 * * *' is not a valid cron expression");
    assertThatThrownBy(() -> new CronSpec("0 9 * * *", "+02:00"))
        .hasMessageContaining("'+02:00' is not an IANA time zone");
    assertThatThrownBy(() -> new CronSpec("0 9 * * *", "Mars/Olympus"))
        .hasMessageContaining("'Mars/Olympus' is not an IANA time zone");
  }
}
