package dev.lifeboat.runbook;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A parsed disaster-recovery plan. Stages run in order; the steps of one stage run in parallel.
 * Produced only by {@link RunbookParser}, which has already checked every cross-field rule.
 */
public record Runbook(
    String name,
    String title,
    String owner,
    Objectives objectives,
    List<Param> params,
    List<Stage> stages) {
  public Runbook {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(objectives, "objectives");
    params = List.copyOf(params);
    stages = List.copyOf(stages);
  }

  /** Every step of every stage, in plan order. */
  public Stream<Step> steps() {
    return stages.stream().flatMap(stage -> stage.steps().stream());
  }
}
