package dev.lifeboat.workflow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a run is in its life. Spelled by its {@link #apiName()} in JSON and in the record; JSON
 * written before that spelling ({@code "SUCCEEDED"}) still reads.
 */
public enum RunStatus {
  PENDING(false),
  RUNNING(false),
  /**
   * Live only: a step with {@code on_failure: pause} failed and waits for a decision. The record
   * keeps the run {@code running} meanwhile (its steps' {@code step.awaiting_decision} and {@code
   * step.decided} events say why), so a run paused when its workflow is lost is still found
   * unfinished and marked interrupted.
   */
  PAUSED(false),
  SUCCEEDED(true),
  /**
   * Ran to the end, but a step whose plan says {@code on_failure: continue} failed: never shown as
   * plain {@link #SUCCEEDED}, so a failure the plan went past is not taken for a clean run.
   */
  SUCCEEDED_WITH_FAILURES(true),
  /** Tabletop: walked to the end, and participants found gaps (the run's findings). */
  SUCCEEDED_WITH_FINDINGS(true),
  FAILED(true),
  CANCELLED(true),
  /** The run's workflow vanished (e.g. the embedded Temporal server restarted). */
  INTERRUPTED(true);

  private final boolean terminal;

  RunStatus(boolean terminal) {
    this.terminal = terminal;
  }

  public boolean isTerminal() {
    return terminal;
  }

  @JsonValue
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<RunStatus> fromApiName(String text) {
    return Arrays.stream(values()).filter(status -> status.apiName().equals(text)).findFirst();
  }

  /** For JSON: the API name, or the constant's name as query answers spelled it before. */
  @JsonCreator
  static RunStatus fromJson(String text) {
    return EnumSpelling.read(RunStatus.class, text, RunStatus::apiName);
  }
}
