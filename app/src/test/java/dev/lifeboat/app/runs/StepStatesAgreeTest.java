package dev.lifeboat.app.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.TestRecord;
import dev.lifeboat.app.TestRuns;
import dev.lifeboat.app.store.RecordWrites;
import dev.lifeboat.app.store.RunDao;
import dev.lifeboat.app.store.RunEventDao;
import dev.lifeboat.app.store.RunRecordActivityImpl;
import dev.lifeboat.app.store.RunStore;
import dev.lifeboat.runbook.Runbook;
import dev.lifeboat.runbook.RunbookParser;
import dev.lifeboat.runbook.Stage;
import dev.lifeboat.runbook.Step;
import dev.lifeboat.workflow.AckOutcome;
import dev.lifeboat.workflow.Acknowledgement;
import dev.lifeboat.workflow.AttemptFailure;
import dev.lifeboat.workflow.BoardReplay;
import dev.lifeboat.workflow.FailureDetail;
import dev.lifeboat.workflow.RecordEventsRequest;
import dev.lifeboat.workflow.RunEvent;
import dev.lifeboat.workflow.RunEventType;
import dev.lifeboat.workflow.RunStatus;
import dev.lifeboat.workflow.StepState;
import dev.lifeboat.workflow.StepStatus;
import dev.lifeboat.workflow.TabletopPrompt;
import io.dropwizard.jackson.Jackson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The view rebuilt from the record ({@link StepStatesFromRecord}) and the live run board agree for
 * the same events: each sequence is fed to a fresh board ({@link BoardReplay}) and written through
 * the record activity to PostgreSQL, read back and rebuilt, and the two lists of steps must be
 * equal, field by field. Both move steps with {@code StepStates.apply}; this holds the rest (the
 * plan's steps in order, events and their details through the record's JSON) to the same result.
 */
class StepStatesAgreeTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final String PLAN =
      """
      name: agree
      title: Agreement of the live and recorded views
      owner: dba-team
      objectives: {rto: 1h, rpo: 24h}
      stages:
        - name: check
          steps:
            - {id: verify, kind: verify-backup, path: /backups/shop.dump}
            - {id: port, kind: health-check, tcp: {host: db, port: 5432}, on_failure: continue}
        - name: restore
          steps:
            - {id: later, kind: verify-backup, path: /backups/other.dump}
      finally:
        - name: tell
          steps:
            - {id: tell, kind: notify, channel: log, message: "${run.outcome}"}
      """;

  static Runbook plan;
  static RunDao runs;
  static RunEventDao events;
  static RunRecordActivityImpl record;
  static StepStatesFromRecord fromRecord;
  static ObjectMapper json;

  @BeforeAll
  static void record() {
    plan = new RunbookParser().parse("agree.yml", PLAN).runbook().orElseThrow();
    Jdbi jdbi = TestRecord.create(pg, "lifeboat_agree").jdbi();
    runs = jdbi.onDemand(RunDao.class);
    events = jdbi.onDemand(RunEventDao.class);
    // The service's mapper, set up as LifeboatApplication sets it up.
    json = Jackson.newObjectMapper();
    json.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    json.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    record =
        new RunRecordActivityImpl(new RunStore(jdbi), json, new RecordWrites(Clock.systemUTC()));
    fromRecord = new StepStatesFromRecord(json);
  }

  @Test
  void aRunWhoseStepsSucceedIncludingItsFinallyStage() {
    Run run = new Run();
    run.step(RunEventType.STEP_STARTED, "verify", 1, null, null);
    run.step(RunEventType.STEP_STARTED, "port", 1, null, null);
    run.step(RunEventType.STEP_SUCCEEDED, "verify", 1, "custom dump, 9.9 KB", Map.of("toc", 7));
    run.step(RunEventType.STEP_SUCCEEDED, "port", 1, "db:5432 open", Map.of("ms", 3));
    run.step(RunEventType.STEP_STARTED, "later", 1, null, null);
    run.step(RunEventType.STEP_SUCCEEDED, "later", 1, "plain dump", Map.of());
    run.step(RunEventType.STEP_STARTED, "tell", 1, null, null);
    run.step(RunEventType.STEP_SUCCEEDED, "tell", 1, "logged", Map.of());

    assertThat(run.agreedSteps())
        .extracting(StepState::stepId, StepState::status)
        .containsExactly(
            tuple("verify", StepStatus.SUCCEEDED),
            tuple("port", StepStatus.SUCCEEDED),
            tuple("later", StepStatus.SUCCEEDED),
            tuple("tell", StepStatus.SUCCEEDED));
  }

  @Test
  void aFailureThatAbortsSkipsTheLaterStageAndTheFinallyStageStillRuns() {
    Run run = new Run();
    run.step(RunEventType.STEP_STARTED, "verify", 1, null, null);
    run.step(RunEventType.STEP_STARTED, "port", 1, null, null);
    run.step(RunEventType.STEP_SUCCEEDED, "port", 1, "db:5432 open", Map.of());
    run.step(
        RunEventType.STEP_FAILED,
        "verify",
        1,
        "no such file /backups/shop.dump",
        new FailureDetail("BAD_INPUT", "no such file /backups/shop.dump"));
    run.step(RunEventType.STEP_SKIPPED, "later", 0, "not run: step verify failed", null);
    run.step(RunEventType.STEP_STARTED, "tell", 1, null, null);
    run.step(RunEventType.STEP_FAILED, "tell", 3, "webhook answered 404", null);

    assertThat(run.agreedSteps())
        .extracting(StepState::stepId, StepState::status, StepState::attempt)
        .containsExactly(
            tuple("verify", StepStatus.FAILED, 1),
            tuple("port", StepStatus.SUCCEEDED, 1),
            tuple("later", StepStatus.SKIPPED, 0),
            tuple("tell", StepStatus.FAILED, 3));
  }

  @Test
  void retriedAttemptsAReportRepeatedAndAFailureThePlanContinuesPast() {
    Run run = new Run();
    run.step(RunEventType.STEP_STARTED, "verify", 1, null, null);
    run.step(RunEventType.STEP_STARTED, "port", 1, null, null);
    run.attemptFailed("verify", 1, "too young to judge");
    run.attemptFailed("verify", 2, "too young to judge");
    run.attemptFailed("verify", 2, "too young to judge");
    run.step(RunEventType.STEP_SUCCEEDED, "verify", 3, "custom dump", Map.of());
    for (int attempt = 1; attempt <= 3; attempt++) {
      run.attemptFailed("port", attempt, "connection refused");
    }
    run.step(
        RunEventType.STEP_FAILED,
        "port",
        3,
        "connection refused",
        new FailureDetail("UNAVAILABLE", "connection refused"));
    run.step(RunEventType.STEP_STARTED, "later", 1, null, null);
    run.step(RunEventType.STEP_SUCCEEDED, "later", 1, "plain dump", Map.of());

    List<StepState> steps = run.agreedSteps();
    assertThat(steps)
        .extracting(StepState::stepId, StepState::status, StepState::attempt)
        .startsWith(
            tuple("verify", StepStatus.SUCCEEDED, 3),
            tuple("port", StepStatus.FAILED, 3),
            tuple("later", StepStatus.SUCCEEDED, 1));
    assertThat(steps.get(0).failedAttempts()).as("a repeated report counts once").hasSize(2);
  }

  @Test
  void aStepTheRunWasLostInIsInterrupted() {
    Run run = new Run();
    run.step(RunEventType.STEP_STARTED, "verify", 1, null, null);
    run.step(RunEventType.STEP_STARTED, "port", 1, null, null);
    run.attemptFailed("port", 1, "connection refused");
    run.step(RunEventType.STEP_SUCCEEDED, "verify", 1, "custom dump", Map.of());
    run.step(
        RunEventType.STEP_INTERRUPTED, "port", 1, "step interrupted while running: gone", null);

    assertThat(run.agreedSteps())
        .extracting(StepState::stepId, StepState::status)
        .startsWith(tuple("verify", StepStatus.SUCCEEDED), tuple("port", StepStatus.INTERRUPTED));
  }

  @Test
  void aTabletopWalkWithAnOkAGapAndTheRestSkippedByACancel() {
    Run run = new Run();
    run.prompted("verify");
    run.prompted("port");
    run.acknowledged("verify", AckOutcome.OK, null);
    run.acknowledged("port", AckOutcome.GAP, "nobody knows the health URL");
    run.prompted("later");
    run.step(
        RunEventType.STEP_SKIPPED, "later", 0, "not acknowledged: the run was cancelled", null);
    run.step(RunEventType.STEP_SKIPPED, "tell", 0, "not acknowledged: the run was cancelled", null);

    List<StepState> steps = run.agreedSteps();
    assertThat(steps)
        .extracting(StepState::stepId, StepState::status)
        .containsExactly(
            tuple("verify", StepStatus.ACKNOWLEDGED),
            tuple("port", StepStatus.ACKNOWLEDGED),
            tuple("later", StepStatus.SKIPPED),
            tuple("tell", StepStatus.SKIPPED));
    assertThat(steps.get(1).acknowledgement().notes()).isEqualTo("nobody knows the health URL");
    assertThat(steps.get(2).prompt()).as("a skipped prompt still shows what was asked").isNotNull();
  }

  /** One run: its events as the workflow would record them, numbered and timed in order. */
  private static final class Run {
    final String id = UUID.randomUUID().toString();
    final List<RunEvent> recorded = new ArrayList<>();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    Run() {
      runs.insert(TestRuns.row(id, RunStatus.RUNNING, toJson(plan)));
      add(RunEventType.RUN_STARTED, null, 0, "drill run launched by alice", null);
    }

    void step(RunEventType type, String stepId, int attempt, String message, Object detail) {
      add(type, stepId, attempt, message, detail);
    }

    void attemptFailed(String stepId, int attempt, String message) {
      add(
          RunEventType.STEP_ATTEMPT_FAILED,
          stepId,
          attempt,
          "attempt " + attempt + " failed: " + message,
          new AttemptFailure(
              stepId, "activity-1", "VerifyBackup", attempt, now, "UNAVAILABLE", message));
    }

    void prompted(String stepId) {
      Step step = find(stepId);
      add(
          RunEventType.STEP_PROMPTED,
          stepId,
          0,
          "awaiting acknowledgement",
          new TabletopPrompt(
              step.kindName(),
              json.valueToTree(Map.of("path", "/backups/shop.dump", "depth", "full")),
              "dba-team",
              Duration.ofMinutes(10)));
    }

    void acknowledged(String stepId, AckOutcome outcome, String notes) {
      Acknowledgement ack = new Acknowledgement("bob", outcome, notes, now.plusMillis(1));
      add(RunEventType.STEP_ACKNOWLEDGED, stepId, 0, outcome.apiName() + " by bob", ack);
    }

    /**
     * Records the events and answers the steps, after asserting that the view rebuilt from the
     * record is the live board's.
     */
    List<StepState> agreedSteps() {
      record.recordEvents(new RecordEventsRequest(id, recorded));
      List<StepState> live = BoardReplay.steps(plan, id, recorded);
      List<StepState> rebuilt =
          fromRecord.project(runs.find(id).orElseThrow().planJson(), events.forRun(id));
      assertThat(rebuilt)
          .as("the steps rebuilt from the record, against the live board's, for the same events")
          .containsExactlyElementsOf(live);
      return rebuilt;
    }

    private void add(RunEventType type, String stepId, int attempt, String message, Object detail) {
      now = now.plusMillis(7);
      Step step = stepId == null ? null : find(stepId);
      recorded.add(
          new RunEvent(
              id,
              recorded.size() + 1,
              type,
              now,
              stepId == null ? null : stageOf(stepId),
              stepId,
              step == null ? null : step.kindName(),
              attempt,
              message,
              detail));
    }

    private static Step find(String stepId) {
      return plan.allStages()
          .flatMap(stage -> stage.steps().stream())
          .filter(step -> step.id().equals(stepId))
          .findFirst()
          .orElseThrow();
    }

    private static String stageOf(String stepId) {
      return plan.allStages()
          .filter(stage -> stage.steps().stream().anyMatch(step -> step.id().equals(stepId)))
          .map(Stage::name)
          .findFirst()
          .orElseThrow();
    }

    private static String toJson(Object value) {
      try {
        return json.writeValueAsString(value);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
