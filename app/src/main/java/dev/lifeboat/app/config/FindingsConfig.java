package dev.lifeboat.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import java.util.concurrent.TimeUnit;

/**
 * {@code findings:} in {@code config.yml}. {@code defaultDue}: how long after it is made a finding
 * is due when nobody says (findings made when a run ends, and by hand without {@code due}); whole
 * days, e.g. {@code 30d}.
 */
public class FindingsConfig {
  @JsonProperty
  @MinDuration(value = 1, unit = TimeUnit.DAYS)
  private Duration defaultDue = Duration.days(30);

  public java.time.Duration getDefaultDue() {
    return java.time.Duration.ofDays(defaultDue.toDays());
  }
}
