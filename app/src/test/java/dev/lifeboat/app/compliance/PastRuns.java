package dev.lifeboat.app.compliance;

import dev.lifeboat.runbook.RunbookFile;
import dev.lifeboat.runbook.RunbookParser;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Runs written straight into a record database as they would stand once ended, for tests and the
 * benchmark of what reads the record (the view does not care how they ran).
 */
public final class PastRuns {
  /** One ended (or running) run; {@code verdict}, {@code rto} and {@code rpo} may be null. */
  public record PastRun(
      String plan,
      String mode,
      String status,
      String verdict,
      Instant createdAt,
      Duration took,
      Duration rto,
      Duration rpo) {
    public String id() {
      return UUID.nameUUIDFromBytes((plan + mode + createdAt).getBytes()).toString();
    }
  }

  private final Jdbi record;
  private final List<PastRun> pending = new ArrayList<>();

  public PastRuns(Jdbi record) {
    this.record = record;
  }

  public PastRuns add(String plan, String mode, String status, String verdict, Instant createdAt) {
    return add(
        new PastRun(plan, mode, status, verdict, createdAt, Duration.ofMinutes(10), null, null));
  }

  public PastRuns add(PastRun run) {
    pending.add(run);
    return this;
  }

  /** Writes what was added, in one batch; returns the ids in the order added. */
  public List<String> write() {
    List<String> ids = pending.stream().map(PastRun::id).toList();
    record.useHandle(
        handle -> {
          PreparedBatch batch =
              handle.prepareBatch(
                  """
                  insert into runs (id, plan_name, plan_text, plan_sha256, plan_json, mode, params,
                                    launcher, status, workflow_id, created_at, started_at, ended_at,
                                    verdict, verdict_reasons, rto_achieved, rpo_observed)
                  values (:id, :plan, 'name: ' || cast(:plan as text), repeat('0', 64), '{}', :mode, '{}',
                          'alice', :status, 'wf-' || cast(:id as text), :createdAt, :createdAt, :endedAt,
                          :verdict, case when cast(:verdict as text) is null then null else '[]'::jsonb end,
                          cast(:rtoMillis as bigint) * interval '1 millisecond',
                          cast(:rpoMillis as bigint) * interval '1 millisecond')
                  """);
          for (PastRun run : pending) {
            boolean ended = !run.status().equals("running") && !run.status().equals("pending");
            batch
                .bind("id", run.id())
                .bind("plan", run.plan())
                .bind("mode", run.mode())
                .bind("status", run.status())
                .bind("verdict", run.verdict())
                .bind("createdAt", run.createdAt())
                .bind("endedAt", ended ? run.createdAt().plus(run.took()) : null)
                .bind("rtoMillis", run.rto() == null ? null : run.rto().toMillis())
                .bind("rpoMillis", run.rpo() == null ? null : run.rpo().toMillis())
                .add();
          }
          batch.execute();
        });
    pending.clear();
    return ids;
  }

  /** A plan as the catalog holds it, parsed from a minimal runbook with {@code extra} fields. */
  public static RunbookFile plan(String name, String title, String extra) {
    String text =
        """
        name: %s
        title: "%s"
        owner: dba-team
        objectives: {rto: 15m, rpo: 1h}
        %s
        stages:
          - name: work
            steps:
              - id: say
                kind: notify
                channel: log
                message: hello
        """
            .formatted(name, title, extra);
    return new RunbookFile(
        Path.of(name + ".yml"),
        text,
        new RunbookParser().parse(name + ".yml", text).runbook().orElseThrow());
  }
}
