package dev.lifeboat.runbook;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a step is run, whatever its kind.
 *
 * @param timeout the longest one attempt may take
 * @param site the site whose worker runs the step (its task queue is the main one + {@code "@" +
 *     site}), or {@code null} for the main worker; absent from histories recorded before sites
 *     existed, and left out of new ones when unset so site-less plans record as before
 * @param drill what the step declares it does in a drill ({@code drill: as-is}), or {@code null}
 *     when it declares nothing; left out of the record when unset, so plans without it record as
 *     before
 * @param modes the run modes the step runs in ({@code modes:}, api names such as {@code drill}), or
 *     {@code null} for every mode; left out of the record when unset
 * @param undo the step that undoes this one ({@code undo:}), or {@code null}; registered before
 *     this step starts and run at the end of a drill (see the workflow's cleanup); left out of the
 *     record when unset
 * @param restoresService {@code restores_service: true}: the end of this step is when service is
 *     back, so the run's RTO is measured to it (at most one step of a plan says so); {@code null}
 *     when not said, and left out of the record then
 */
public record StepPolicy(
    Duration timeout,
    Retry retry,
    OnFailure onFailure,
    @JsonInclude(JsonInclude.Include.NON_NULL) String site,
    @JsonInclude(JsonInclude.Include.NON_NULL) DrillDeclaration drill,
    @JsonInclude(JsonInclude.Include.NON_NULL) List<String> modes,
    @JsonInclude(JsonInclude.Include.NON_NULL) Step undo,
    @JsonInclude(JsonInclude.Include.NON_NULL) Boolean restoresService) {
  public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

  public StepPolicy {
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(onFailure, "onFailure");
    if (site != null && site.isBlank()) {
      throw new IllegalArgumentException("site must not be blank");
    }
    modes = modes == null ? null : List.copyOf(modes);
    restoresService = Boolean.TRUE.equals(restoresService) ? Boolean.TRUE : null;
  }

  /** A policy that does not mark the end of service restoration. */
  public StepPolicy(
      Duration timeout,
      Retry retry,
      OnFailure onFailure,
      String site,
      DrillDeclaration drill,
      List<String> modes,
      Step undo) {
    this(timeout, retry, onFailure, site, drill, modes, undo, null);
  }

  /** A policy for every mode. */
  public StepPolicy(
      Duration timeout, Retry retry, OnFailure onFailure, String site, DrillDeclaration drill) {
    this(timeout, retry, onFailure, site, drill, null, null);
  }

  /** A policy without undo. */
  public StepPolicy(
      Duration timeout,
      Retry retry,
      OnFailure onFailure,
      String site,
      DrillDeclaration drill,
      List<String> modes) {
    this(timeout, retry, onFailure, site, drill, modes, null);
  }

  /** A policy run by the main worker. */
  public StepPolicy(Duration timeout, Retry retry, OnFailure onFailure) {
    this(timeout, retry, onFailure, null, null);
  }

  /** A policy run at {@code site} that declares nothing for drills. */
  public StepPolicy(Duration timeout, Retry retry, OnFailure onFailure, String site) {
    this(timeout, retry, onFailure, site, null);
  }

  public static StepPolicy defaults() {
    return new StepPolicy(DEFAULT_TIMEOUT, Retry.DEFAULT, OnFailure.ABORT);
  }

  /** This policy, run at {@code site} (or by the main worker when {@code null}). */
  public StepPolicy atSite(String site) {
    return new StepPolicy(timeout, retry, onFailure, site, drill, modes, undo, restoresService);
  }

  /** This policy with {@code undo} as the step that undoes it. */
  public StepPolicy withUndo(Step undo) {
    return new StepPolicy(timeout, retry, onFailure, site, drill, modes, undo, restoresService);
  }

  /** Whether the run's RTO is measured to this step's end ({@code restores_service: true}). */
  public boolean marksServiceRestored() {
    return Boolean.TRUE.equals(restoresService);
  }

  /** The step that undoes this one, if it has one. */
  public Optional<Step> undoStep() {
    return Optional.ofNullable(undo);
  }

  /** Whether the step declares that it is safe to run as written in a drill. */
  public boolean runsAsIsInDrills() {
    return drill == DrillDeclaration.AS_IS;
  }

  /** Whether the step declares drill overrides of its fields ({@code drill: {…}}). */
  public boolean overriddenInDrills() {
    return drill == DrillDeclaration.OVERRIDES;
  }

  /** Whether the step runs in a run of the mode spelled {@code mode} (e.g. {@code drill}). */
  public boolean runsIn(String mode) {
    return modes == null || modes.contains(mode);
  }
}
