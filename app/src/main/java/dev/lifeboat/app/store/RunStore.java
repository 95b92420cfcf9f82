package dev.lifeboat.app.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.workflow.RunEventType;
import dev.lifeboat.workflow.RunMode;
import dev.lifeboat.workflow.RunStatus;
import dev.lifeboat.workflow.verdict.RunVerdict;
import io.dropwizard.jackson.Jackson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes run transitions: the event is appended and, for a run transition, the run's status moves,
 * in one transaction so the two never disagree. A run's end is judged there too ({@link RunJudge}):
 * its verdict is set with its final status and recorded as a {@code run.verdict} event right after
 * its end, so every run that ends has its verdict, however it ended.
 */
public final class RunStore {
  private static final Logger LOG = LoggerFactory.getLogger(RunStore.class);

  private final Jdbi jdbi;
  private final RunJudge judge;
  private final ObjectMapper json;
  private final RunEndings endings;

  /** A store that judges no run (tests of the store itself). */
  public RunStore(Jdbi jdbi) {
    this(jdbi, RunJudge.NONE, Jackson.newObjectMapper());
  }

  public RunStore(Jdbi jdbi, RunJudge judge, ObjectMapper json) {
    this(jdbi, judge, json, RunEndings.NONE);
  }

  /** {@code endings} records what else a run's end brings (its findings), in the same write. */
  public RunStore(Jdbi jdbi, RunJudge judge, ObjectMapper json, RunEndings endings) {
    this.jdbi = jdbi;
    this.judge = judge;
    this.json = json;
    this.endings = endings;
  }

  /**
   * Appends events in order, each linked into its run's hash chain ({@link RunEventChain}), and
   * moves run statuses, in one transaction; returns how many events were new.
   */
  public int append(List<RunEventRow> events, List<StatusMove> moves) {
    return jdbi.inTransaction(
        handle -> {
          int appended = 0;
          Map<String, List<RunEventRow>> byRun = new LinkedHashMap<>();
          for (RunEventRow event : events) {
            byRun.computeIfAbsent(event.runId(), id -> new ArrayList<>()).add(event);
          }
          for (Map.Entry<String, List<RunEventRow>> run : byRun.entrySet()) {
            appended += insert(handle, RunEventChain.link(handle, run.getKey(), run.getValue()));
          }
          RunDao runDao = handle.attach(RunDao.class);
          for (StatusMove move : moves) {
            if (!move.status().isTerminal() || !endJudged(handle, runDao, move)) {
              runDao.moveStatus(move.runId(), move.status(), move.startedAt(), move.endedAt());
            }
          }
          return appended;
        });
  }

  /**
   * Ends the run with its verdict and records the {@code run.verdict} event after its end; false
   * when the run gets none (a tabletop run, or one that already ended: a retried write), leaving
   * the plain status move to do.
   */
  private boolean endJudged(Handle handle, RunDao runDao, StatusMove move) {
    Optional<RunRow> open = runDao.lockUnfinished(move.runId());
    if (open.isEmpty()) {
      return false;
    }
    List<RunEventRow> recorded = handle.attach(RunEventDao.class).forRun(move.runId());
    Optional<RunVerdict> judged;
    try {
      judged = judge.judge(open.get(), move.status(), recorded);
    } catch (RuntimeException e) {
      // A verdict that cannot be made must not keep the run's end out of the record.
      LOG.error("run {} could not be judged; it ends without a verdict", move.runId(), e);
      ended(handle, open.get(), move, recorded, Optional.empty());
      return false;
    }
    if (judged.isEmpty()) {
      ended(handle, open.get(), move, recorded, Optional.empty());
      return false;
    }
    RunVerdict verdict = judged.get();
    long seq = recorded.isEmpty() ? 1 : recorded.get(recorded.size() - 1).seq() + 1;
    insert(
        handle,
        RunEventChain.link(
            handle,
            move.runId(),
            List.of(
                new RunEventRow(
                    move.runId(),
                    seq,
                    RunEventType.RUN_VERDICT,
                    move.endedAt(),
                    null,
                    null,
                    null,
                    0,
                    "verdict: " + verdict.describe(),
                    write(verdict)))));
    handle
        .attach(RunVerdictDao.class)
        .end(
            move.runId(),
            move.status(),
            move.startedAt(),
            move.endedAt(),
            verdict.verdict().apiName(),
            write(verdict.reasons()),
            millis(verdict.measured().rto()),
            millis(verdict.measured().rpo()),
            verdict.measured().rtoStep(),
            verdict.measured().rpoBackup());
    ended(handle, open.get(), move, recorded, judged);
    return true;
  }

  /**
   * Has {@link #endings} record what the run's end brings, in a savepoint: what fails there (it is
   * logged) must not keep the run's end out of the record, as a verdict that cannot be made does
   * not.
   */
  private void ended(
      Handle handle,
      RunRow run,
      StatusMove move,
      List<RunEventRow> recorded,
      Optional<RunVerdict> verdict) {
    handle.savepoint("run_endings");
    try {
      endings.ended(handle, run, move.status(), recorded, verdict);
      handle.release("run_endings");
    } catch (RuntimeException e) {
      handle.rollbackToSavepoint("run_endings");
      LOG.error("run {} ended, but what its end brings could not be recorded", move.runId(), e);
    }
  }

  private static Long millis(Duration duration) {
    return duration == null ? null : duration.toMillis();
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a verdict is not JSON-serialisable", e);
    }
  }

  /**
   * {@link RunEventDao#APPEND} as one batch, bound field by field: a record write happens before
   * every stage, and {@code RunEventDao.append} ({@code @SqlBatch} with {@code @BindMethods}) costs
   * about 1 ms a write where this costs 0.3–0.5 ms.
   */
  private static int insert(Handle handle, List<RunEventChain.Linked> events) {
    if (events.isEmpty()) {
      return 0;
    }
    PreparedBatch batch = handle.prepareBatch(RunEventDao.APPEND);
    for (RunEventChain.Linked linked : events) {
      RunEventRow event = linked.row();
      batch
          .bind("runId", event.runId())
          .bind("seq", event.seq())
          .bind("type", event.type())
          .bind("at", event.at())
          .bind("stage", event.stage())
          .bind("stepId", event.stepId())
          .bind("kind", event.kind())
          .bind("attempt", event.attempt())
          .bind("message", event.message())
          .bind("detail", event.detail())
          .bind("previousSha256", linked.previous())
          .bind("sha256", linked.hash())
          .add();
    }
    return Arrays.stream(batch.execute()).sum();
  }

  /**
   * Records a run that resumes another together with their link, in one transaction: a second
   * resume of the same run violates the link's uniqueness and records neither. Like a launch
   * ({@link RunDao#insertUnlessActive}), it records nothing and answers the blocking run when a run
   * of the plan in one of {@code blockingModes} is still active.
   */
  public Optional<RunRow> insertResumed(
      RunRow run, RunResumeRow link, Collection<RunMode> blockingModes) {
    return jdbi.inTransaction(
        handle -> {
          Optional<RunRow> active =
              handle.attach(RunDao.class).insertUnlessActive(run, blockingModes);
          if (active.isEmpty()) {
            handle.attach(RunResumeDao.class).insert(link);
          }
          return active;
        });
  }

  /** A run status change; {@code startedAt}/{@code endedAt} are set only when still empty. */
  public record StatusMove(String runId, RunStatus status, Instant startedAt, Instant endedAt) {}
}
