package dev.lifeboat.runbook;

import java.util.List;
import java.util.Objects;

/** A group of steps that run in parallel; the next stage starts when all of them have ended. */
public record Stage(String name, List<Step> steps) {
  public Stage {
    Objects.requireNonNull(name, "name");
    steps = List.copyOf(steps);
  }
}
