package dev.lifeboat.app.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.app.chain.Integrity;
import dev.lifeboat.app.report.RunReport.DecisionReport;
import dev.lifeboat.app.report.RunReport.StepReport;
import dev.lifeboat.app.runs.StepStatesFromRecord;
import dev.lifeboat.app.store.RecordIntegrity;
import dev.lifeboat.app.store.RunActionDao;
import dev.lifeboat.app.store.RunDao;
import dev.lifeboat.app.store.RunEventDao;
import dev.lifeboat.app.store.RunEventRow;
import dev.lifeboat.app.store.RunRow;
import dev.lifeboat.app.store.RunVerdictDao;
import dev.lifeboat.app.store.RunVerdictRow;
import dev.lifeboat.workflow.StepState;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Assembles a run's {@link RunReport} from the record alone (never from the live workflow), so a
 * report says what an auditor can later check against the same record and its hash chain.
 */
public final class RunReports {
  private final Jdbi jdbi;
  private final RecordIntegrity integrity;
  private final RunFindings findings;
  private final ObjectMapper json;
  private final Clock clock;

  public RunReports(Jdbi jdbi, RunFindings findings, ObjectMapper json, Clock clock) {
    this.jdbi = jdbi;
    this.integrity = new RecordIntegrity(jdbi);
    this.findings = findings;
    this.json = json;
    this.clock = clock;
  }

  /**
   * The report of run {@code runId}, its links under {@code baseUrl} (e.g. {@code
   * https://lifeboat.example}); empty when the record has no such run.
   */
  public Optional<RunReport> of(String runId, String baseUrl) {
    // One transaction, repeatable read: run, events, verdict and actions from one snapshot.
    Optional<RunReport> report =
        jdbi.inTransaction(
            TransactionIsolationLevel.REPEATABLE_READ, handle -> read(handle, runId, baseUrl));
    return report.map(found -> found.with(findings.ofRun(runId), integrity(runId)));
  }

  /** The report as the record has it, without findings and integrity (filled in by the caller). */
  private Optional<RunReport> read(Handle handle, String runId, String baseUrl) {
    Optional<RunRow> found = handle.attach(RunDao.class).find(runId);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    RunRow run = found.get();
    List<RunEventRow> events = handle.attach(RunEventDao.class).forRun(runId);
    List<StepState> states = new StepStatesFromRecord(json).project(run.planJson(), events);
    String eventsUrl = baseUrl + "/api/runs/" + runId + "/events";
    List<StepReport> steps = new StepTimeline(json, eventsUrl).steps(states, events);
    RunVerdictRow verdict =
        handle.attach(RunVerdictDao.class).of(List.of(runId)).stream().findFirst().orElse(null);
    JsonNode plan = parse(run.planJson());
    Objectives objectives = new Objectives(json, plan.path("objectives"), verdict);
    return Optional.of(
        new RunReport(
            run.id(),
            new RunReport.Plan(
                run.planName(),
                plan.path("title").asText(null),
                plan.path("owner").asText(null),
                run.planSha256(),
                run.planText()),
            run.mode(),
            run.status(),
            run.launcher(),
            run.createdAt(),
            run.startedAt(),
            run.endedAt(),
            clock.instant(),
            objectives.rto(),
            objectives.rpo(),
            participants(steps),
            decisions(states),
            steps,
            verdict == null
                ? null
                : new RunReport.VerdictReport(verdict.verdict(), reasons(verdict.reasons())),
            List.of(),
            CleanupReading.of(json, events),
            handle.attach(RunActionDao.class).forRun(runId).stream()
                .map(a -> new RunReport.ActionReport(a.action(), a.actor(), a.at()))
                .toList(),
            null));
  }

  private static List<String> participants(List<StepReport> steps) {
    Set<String> names = new LinkedHashSet<>();
    steps.stream()
        .filter(step -> step.acknowledgement() != null)
        .sorted(Comparator.comparing(step -> step.acknowledgement().at()))
        .forEach(step -> names.add(step.acknowledgement().by()));
    return List.copyOf(names);
  }

  private static List<DecisionReport> decisions(List<StepState> states) {
    List<DecisionReport> all = new ArrayList<>();
    for (StepState state : states) {
      state.decisions().stream()
          .map(
              d ->
                  new DecisionReport(
                      state.stepId(), d.by(), d.role(), d.decision(), d.comment(), d.at()))
          .forEach(all::add);
    }
    return List.copyOf(all);
  }

  private List<String> reasons(String recorded) {
    List<String> reasons = new ArrayList<>();
    parse(recorded == null ? "[]" : recorded)
        .forEach(reason -> reasons.add(reason.path("message").asText(reason.toString())));
    return List.copyOf(reasons);
  }

  private RunReport.IntegrityReport integrity(String runId) {
    Integrity found = integrity.run(runId).orElseThrow();
    return new RunReport.IntegrityReport(
        found.status(),
        found.records(),
        found.head(),
        found.broken() == null
            ? null
            : "seq "
                + found.broken().seq()
                + " "
                + found.broken().kind().apiName()
                + ": "
                + found.broken().message());
  }

  private JsonNode parse(String text) {
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("recorded JSON does not parse", e);
    }
  }
}
