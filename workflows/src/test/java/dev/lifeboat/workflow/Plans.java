package dev.lifeboat.workflow;

import dev.lifeboat.activities.backup.VerifyBackupRequest;
import dev.lifeboat.activities.command.CommandRequest;
import dev.lifeboat.activities.failover.HttpActionRequest;
import dev.lifeboat.activities.failover.PromoteStandbyRequest;
import dev.lifeboat.activities.health.HealthCheckRequest;
import dev.lifeboat.activities.health.TcpProbe;
import dev.lifeboat.activities.notify.NotifyChannel;
import dev.lifeboat.activities.restore.RestoreDataRequest;
import dev.lifeboat.activities.restore.RestoreFormat;
import dev.lifeboat.activities.sql.SqlRequest;
import dev.lifeboat.runbook.CommandStep;
import dev.lifeboat.runbook.FailoverAction;
import dev.lifeboat.runbook.HealthCheckStep;
import dev.lifeboat.runbook.NotifyStep;
import dev.lifeboat.runbook.Objectives;
import dev.lifeboat.runbook.OnFailure;
import dev.lifeboat.runbook.RestoreDataStep;
import dev.lifeboat.runbook.Retry;
import dev.lifeboat.runbook.Runbook;
import dev.lifeboat.runbook.SqlStep;
import dev.lifeboat.runbook.Stage;
import dev.lifeboat.runbook.StartFailoverStep;
import dev.lifeboat.runbook.Step;
import dev.lifeboat.runbook.StepPolicy;
import dev.lifeboat.runbook.VerifyBackupStep;
import dev.lifeboat.runbook.WaitStep;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Runbooks built by hand for workflow tests. Each step's id is also the key its fake activity looks
 * up in {@link StepScript} (verify: path, restore: database, health: TCP host).
 */
final class Plans {
  /** Short waits so real-time tests stay fast. */
  static final Retry QUICK_RETRY = new Retry(3, Duration.ofMillis(50), 1.0);

  static final StepPolicy ABORT = policy(Duration.ofSeconds(10), QUICK_RETRY, OnFailure.ABORT);
  static final StepPolicy CONTINUE =
      policy(Duration.ofSeconds(10), QUICK_RETRY, OnFailure.CONTINUE);

  private Plans() {}

  static StepPolicy policy(Duration timeout, Retry retry, OnFailure onFailure) {
    return new StepPolicy(timeout, retry, onFailure);
  }

  static StepPolicy attempts(int attempts) {
    return policy(
        Duration.ofSeconds(10), new Retry(attempts, Duration.ofMillis(50), 1.0), OnFailure.ABORT);
  }

  static VerifyBackupStep verify(String id) {
    return verify(id, ABORT);
  }

  static VerifyBackupStep verify(String id, StepPolicy policy) {
    return new VerifyBackupStep(
        id, policy, new VerifyBackupRequest(id, Duration.ofHours(24), 0, false));
  }

  static RestoreDataStep restore(String id, StepPolicy policy) {
    return new RestoreDataStep(
        id, policy, new RestoreDataRequest("/backups/app.dump", "primary", id, RestoreFormat.AUTO));
  }

  static HealthCheckStep health(String id) {
    return new HealthCheckStep(
        id, ABORT, new HealthCheckRequest(null, null, new TcpProbe(id, 5432, null), null, null));
  }

  /** An sql step whose fake is keyed by its database, which is its id. */
  static SqlStep sql(String id) {
    return sql(id, ABORT);
  }

  static SqlStep sql(String id, StepPolicy policy) {
    return new SqlStep(
        id, policy, new SqlRequest("local", id, "drop database if exists \"" + id + "\"", null));
  }

  static WaitStep pause(String id, Duration duration) {
    return new WaitStep(id, ABORT, duration);
  }

  /** {@code step} with {@code undo} as its undo. */
  @SuppressWarnings("unchecked")
  static <S extends Step> S undoneBy(S step, Step undo) {
    return (S) step.withPolicy(step.policy().withUndo(undo));
  }

  static CommandStep command(String id) {
    return new CommandStep(id, ABORT, new CommandRequest(id, "true", null, 0, 1024));
  }

  /**
   * Fences {@code <id>-old-primary} over ssh, promotes {@code <id>-standby} and switches the load
   * balancer at {@code http://lb.test/<id>}: those are the keys of its three actions' fakes.
   */
  static StartFailoverStep failover(String id, StepPolicy policy) {
    return new StartFailoverStep(
        id,
        policy,
        List.of(
            FailoverAction.ssh(
                new CommandRequest(id + "-old-primary", "systemctl stop app", null, 0, 1024)),
            FailoverAction.promote(new PromoteStandbyRequest(id + "-standby", null)),
            FailoverAction.http(
                new HttpActionRequest("PUT", "http://lb.test/" + id, null, null, 200, null))));
  }

  static NotifyStep notify(String id, String template) {
    return new NotifyStep(id, ABORT, NotifyChannel.LOG, null, template);
  }

  static Stage stage(String name, Step... steps) {
    return new Stage(name, List.of(steps));
  }

  static Runbook plan(Stage... stages) {
    return new Runbook(
        "billing-db",
        "Billing database restore",
        "dba-team",
        new Objectives(Duration.ofHours(1), Duration.ofHours(24)),
        List.of(),
        List.of(stages));
  }

  /** {@code plan} with {@code finally:} stages. */
  static Runbook withFinally(Runbook plan, Stage... finallyStages) {
    return new Runbook(
        plan.name(),
        plan.title(),
        plan.owner(),
        plan.objectives(),
        plan.params(),
        plan.stages(),
        List.of(finallyStages));
  }

  static RunInput drill(String runId, Runbook plan) {
    return new RunInput(runId, plan, RunMode.DRILL, Map.of("region", "eu-west"), "alice");
  }
}
