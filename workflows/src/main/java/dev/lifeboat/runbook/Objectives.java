package dev.lifeboat.runbook;

import java.time.Duration;
import java.util.Objects;

/**
 * The plan's recovery objectives.
 *
 * @param rto recovery time objective: how long the recovery may take
 * @param rpo recovery point objective: how much data (as time) may be lost
 */
public record Objectives(Duration rto, Duration rpo) {
  public Objectives {
    Objects.requireNonNull(rto, "rto");
    Objects.requireNonNull(rpo, "rpo");
  }
}
