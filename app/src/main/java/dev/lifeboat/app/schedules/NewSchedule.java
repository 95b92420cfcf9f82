package dev.lifeboat.app.schedules;

import dev.lifeboat.workflow.RunMode;
import dev.lifeboat.workflow.schedule.OverlapPolicy;
import java.util.Map;
import java.util.Objects;

/** A schedule to make, as the API read it (shape checked; the plan's rules not yet). */
public record NewSchedule(
    String plan,
    RunMode mode,
    String cron,
    String zone,
    Map<String, String> params,
    OverlapPolicy overlap,
    String owner) {
  public NewSchedule {
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(overlap, "overlap");
    params = Map.copyOf(params);
  }
}
