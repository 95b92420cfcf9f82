package dev.lifeboat.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeboat.workflow.RunMode;
import dev.lifeboat.workflow.RunStatus;
import dev.lifeboat.workflow.StepStatus;
import dev.lifeboat.workflow.verdict.Verdict;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Polls a run and prints each step's transitions once, then the run's final status with the steps
 * that failed and the number of findings, and last its verdict with its reasons when it has one.
 * Only a plain {@code succeeded} without a failed verdict returns normally; every other end
 * (succeeded_with_failures and succeeded_with_findings included, and {@code verdict: fail}) throws,
 * so {@code lifeboat run} exits non-zero.
 */
final class RunFollower {
  /** Fetches the run's current JSON. */
  interface RunSource {
    JsonNode fetch() throws Exception;
  }

  /** Signals a run that did not succeed, so the command exits non-zero. */
  static final class RunDidNotSucceed extends RuntimeException {
    RunDidNotSucceed(String message) {
      super(message, null, false, false);
    }
  }

  /** Someone who answers the steps of a tabletop run as they are prompted. */
  interface Participant {
    /** Nobody at a terminal: steps are answered through the API by others. */
    Participant NONE = step -> {};

    void prompted(JsonNode step) throws Exception;
  }

  private final PrintStream out;
  private final Participant participant;

  RunFollower(PrintStream out) {
    this(out, Participant.NONE);
  }

  RunFollower(PrintStream out, Participant participant) {
    this.out = out;
    this.participant = participant;
  }

  void follow(RunSource source, Duration timeout) throws Exception {
    Map<String, String> printed = new HashMap<>();
    Instant giveUp = Instant.now().plus(timeout);
    while (true) {
      JsonNode run = source.fetch();
      for (JsonNode step : run.path("steps")) {
        String key = step.path("id").asText();
        String status = step.path("status").asText();
        // A waiting step is shown again as people decide on it (each approval changes its summary).
        String seen = waiting(status) ? status + " " + step.path("summary").asText() : status;
        if (!seen.equals(printed.get(key)) && !status.equals(StepStatus.PENDING.apiName())) {
          printed.put(key, seen);
          out.println(StepLine.of(step));
          hint(run.path("id").asText(), key, status);
          if (status.equals(StepStatus.AWAITING_ACK.apiName())) {
            participant.prompted(step);
          }
        }
      }
      String status = run.path("status").asText();
      Optional<RunStatus> ended = RunStatus.fromApiName(status).filter(RunStatus::isTerminal);
      if (ended.isPresent()) {
        String last =
            "run " + run.path("id").asText() + " " + status + outcomeNotes(run) + cleanupNote(run);
        Optional<String> verdict = verdictLine(run);
        if (verdict.isPresent()) {
          last = last + System.lineSeparator() + verdict.get();
        }
        if (ended.get() == RunStatus.SUCCEEDED
            && !run.path("verdict").asText().equals(Verdict.FAIL.apiName())) {
          out.println(last);
          return;
        }
        throw new RunDidNotSucceed(last);
      }
      if (Instant.now().isAfter(giveUp)) {
        throw new RunDidNotSucceed(
            "stopped following run " + run.path("id").asText() + " (still " + status + ")");
      }
      Thread.sleep(500);
    }
  }

  private static boolean waiting(String status) {
    return status.equals(StepStatus.AWAITING_APPROVAL.apiName())
        || status.equals(StepStatus.AWAITING_DECISION.apiName());
  }

  /** How to answer a step that waits for people. */
  private void hint(String runId, String stepId, String status) {
    if (status.equals(StepStatus.AWAITING_APPROVAL.apiName())) {
      out.printf(
          "             approve: lifeboat approve %s %s [--comment …] (or --reject --comment …)%n",
          runId, stepId);
    } else if (status.equals(StepStatus.AWAITING_DECISION.apiName())) {
      out.printf(
          "             run paused; decide: lifeboat decide %s %s retry|skip|abort --reason …%n",
          runId, stepId);
    }
  }

  /**
   * {@code verdict: fail — RTO exceeded by 3m12s (achieved 18m12s, objective 15m)}, or on a pass
   * what was measured against what; for a tabletop run, that it has none.
   */
  private static Optional<String> verdictLine(JsonNode run) {
    if (run.path("mode").asText().equals(RunMode.TABLETOP.apiName())) {
      return Optional.of("verdict: not applicable (a tabletop run has no real timings)");
    }
    if (!run.hasNonNull("verdict")) {
      return Optional.empty();
    }
    List<String> words = new ArrayList<>();
    if (run.path("verdict").asText().equals(Verdict.PASS.apiName())) {
      JsonNode measured = run.path("measured");
      JsonNode objectives = run.path("objectives");
      measure("RTO", measured.path("rto"), objectives.path("rto")).ifPresent(words::add);
      measure("RPO", measured.path("rpo"), objectives.path("rpo")).ifPresent(words::add);
      return Optional.of(
          "verdict: pass" + (words.isEmpty() ? "" : " — " + String.join(", ", words)));
    }
    run.path("reasons").forEach(reason -> words.add(reason.path("message").asText()));
    return Optional.of(
        "verdict: " + run.path("verdict").asText() + " — " + String.join("; ", words));
  }

  /** {@code RTO 4s (objective 15m)}. */
  private static Optional<String> measure(String what, JsonNode measured, JsonNode objective) {
    if (!measured.isTextual()) {
      return Optional.empty();
    }
    return Optional.of(
        what
            + " "
            + measured.asText()
            + (objective.isTextual() ? " (objective " + objective.asText() + ")" : ""));
  }

  /** How the drill's undos went, when the run registered any: {@code ; cleanup: complete}. */
  private static String cleanupNote(JsonNode run) {
    return run.hasNonNull("cleanup") ? "; cleanup: " + run.path("cleanup").asText() : "";
  }

  /**
   * What the status alone does not say: the steps that failed (a run that succeeded with failures
   * names the ones the plan went past) and the number of tabletop findings.
   */
  private static String outcomeNotes(JsonNode run) {
    List<String> failed = new ArrayList<>();
    for (JsonNode step : run.path("steps")) {
      if (step.path("status").asText().equals(StepStatus.FAILED.apiName())) {
        failed.add(step.path("id").asText());
      }
    }
    int findings = run.path("findings").size();
    List<String> notes = new ArrayList<>();
    if (!failed.isEmpty()) {
      notes.add("failed: " + String.join(", ", failed));
    }
    if (findings > 0) {
      notes.add(findings + (findings == 1 ? " finding" : " findings"));
    }
    return notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
  }
}
