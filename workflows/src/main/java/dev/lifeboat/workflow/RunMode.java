package dev.lifeboat.workflow;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a plan is run: a walk-through, a drill against isolated targets, or the real recovery. Each
 * mode carries its rules, so no caller asks "is this a drill?" to decide what may happen.
 *
 * <p>Spelled by its {@link #apiName()} in JSON (the API, workflow inputs) and in the record; JSON
 * written before that spelling (workflow inputs said {@code "DRILL"}) still reads.
 */
public enum RunMode {
  /** A walk-through: nothing with side effects runs; every step becomes a prompt to acknowledge. */
  TABLETOP,
  /** Real actions against isolated targets; production is left alone, notifications are marked. */
  DRILL,
  /** The real failover. */
  RECOVERY,
  /**
   * A readiness check without side effects: every step's needs (hosts, servers, backups, secrets,
   * approvers) are checked where the step would run, and nothing is run ({@code PrecheckWorkflow}).
   */
  PRECHECK;

  /** What a drill's notifications start with, so nobody mistakes a drill for a disaster. */
  static final String DRILL_MARK = "[DRILL] ";

  /** The lower-case spelling used in the API, runbooks and the record. */
  @JsonValue
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether the run's steps become prompts that participants acknowledge instead of running: no
   * step activity is ever called, and the run takes acknowledgements.
   */
  public boolean promptsSteps() {
    return this == TABLETOP;
  }

  /**
   * Whether the run only checks that each step could run, by {@code PrecheckWorkflow} instead of
   * the runbook workflow: no step runs, so it needs only the right to run drills, even for a plan
   * that only a recovery may run.
   */
  public boolean checksOnly() {
    return this == PRECHECK;
  }

  /**
   * Whether the run must leave production alone: a step that acts on what is marked {@code
   * production: true}, or fails production over, is refused at launch unless it declares {@code
   * drill: as-is}.
   */
  public boolean sparesProduction() {
    return this == DRILL;
  }

  /** What each notification's text is prefixed with: {@value #DRILL_MARK} in a drill, else none. */
  public String notifyPrefix() {
    return this == DRILL ? DRILL_MARK : "";
  }

  /**
   * Whether launching or cancelling the run needs the authority of a recovery (it acts on
   * production for real); the others need only the right to run drills.
   */
  public boolean requiresRecoveryRole() {
    return this == RECOVERY;
  }

  /**
   * The modes whose active runs of the same plan refuse a launch in this mode: a plan has one
   * recovery at a time, and no drill while it is being recovered; drills overlap each other unless
   * the plan says {@code drills: exclusive}. Walk-throughs and prechecks are never refused.
   */
  public Set<RunMode> refusedWhileActive(boolean exclusiveDrills) {
    return switch (this) {
      case RECOVERY -> Set.of(RECOVERY);
      case DRILL -> exclusiveDrills ? Set.of(RECOVERY, DRILL) : Set.of(RECOVERY);
      case TABLETOP, PRECHECK -> Set.of();
    };
  }

  public static Optional<RunMode> fromApiName(String text) {
    return Arrays.stream(values()).filter(mode -> mode.apiName().equals(text)).findFirst();
  }

  public static String apiNames() {
    return Arrays.stream(values()).map(RunMode::apiName).collect(Collectors.joining(", "));
  }

  /** For JSON: the API name, or the constant's name as workflow inputs spelled it before. */
  @JsonCreator
  static RunMode fromJson(String text) {
    return EnumSpelling.read(RunMode.class, text, RunMode::apiName);
  }
}
