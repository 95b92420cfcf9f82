package dev.lifeboat.runbook;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A parsed disaster-recovery plan. Stages run in order; the steps of one stage run in parallel.
 * Produced only by {@link RunbookParser}, which has already checked every cross-field rule.
 *
 * @param finallyStages the {@code finally:} stages: run in order after {@code stages} ended in any
 *     way (success, failure or cancel); empty when the plan has none, and in plans recorded before
 *     they existed
 * @param exclusiveDrills {@code drills: exclusive}: a drill of the plan is refused while another is
 *     active; left out of the JSON when false, so plans without it record as before
 * @param exercise {@code exercise:}, the coverage policy; null when the plan has none (and in plans
 *     recorded before it existed), left out of the JSON then
 */
public record Runbook(
    String name,
    String title,
    String owner,
    Objectives objectives,
    List<Param> params,
    List<Stage> stages,
    @JsonProperty("finally") List<Stage> finallyStages,
    @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean exclusiveDrills,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Map<String, Object>> writtenSteps,
    @JsonInclude(JsonInclude.Include.NON_NULL) Exercise exercise) {
  @JsonCreator
  public Runbook {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(objectives, "objectives");
    params = List.copyOf(params);
    stages = List.copyOf(stages);
    finallyStages = finallyStages == null ? List.of() : List.copyOf(finallyStages);
    writtenSteps = writtenSteps == null ? Map.of() : Collections.unmodifiableMap(writtenSteps);
  }

  /** A plan without a coverage policy. */
  public Runbook(
      String name,
      String title,
      String owner,
      Objectives objectives,
      List<Param> params,
      List<Stage> stages,
      List<Stage> finallyStages,
      boolean exclusiveDrills,
      Map<String, Map<String, Object>> writtenSteps) {
    this(
        name,
        title,
        owner,
        objectives,
        params,
        stages,
        finallyStages,
        exclusiveDrills,
        writtenSteps,
        null);
  }

  /** A plan whose steps' written fields are not kept (they are for tabletop prompts only). */
  public Runbook(
      String name,
      String title,
      String owner,
      Objectives objectives,
      List<Param> params,
      List<Stage> stages,
      List<Stage> finallyStages,
      boolean exclusiveDrills) {
    this(
        name,
        title,
        owner,
        objectives,
        params,
        stages,
        finallyStages,
        exclusiveDrills,
        (Map<String, Map<String, Object>>) null);
  }

  /** A plan without {@code finally:} stages. */
  public Runbook(
      String name,
      String title,
      String owner,
      Objectives objectives,
      List<Param> params,
      List<Stage> stages) {
    this(name, title, owner, objectives, params, stages, List.of());
  }

  /** A plan whose drills may overlap. */
  public Runbook(
      String name,
      String title,
      String owner,
      Objectives objectives,
      List<Param> params,
      List<Stage> stages,
      List<Stage> finallyStages) {
    this(name, title, owner, objectives, params, stages, finallyStages, false);
  }

  /** Whether any step says which modes it runs in: only then may a run skip a step for its mode. */
  public boolean declaresModes() {
    return steps().anyMatch(step -> step.policy().modes() != null);
  }

  /** The main stages, then the {@code finally:} stages: every stage in plan order. */
  public Stream<Stage> allStages() {
    return Stream.concat(stages.stream(), finallyStages.stream());
  }

  /** Every step of every stage, {@code finally:} stages included, in plan order. */
  public Stream<Step> steps() {
    return allStages().flatMap(stage -> stage.steps().stream());
  }
}
