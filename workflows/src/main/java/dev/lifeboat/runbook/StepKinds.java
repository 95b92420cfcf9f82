package dev.lifeboat.runbook;

import dev.lifeboat.activities.backup.VerifyBackupActivity;
import dev.lifeboat.activities.command.CommandActivity;
import dev.lifeboat.activities.failover.HttpActionActivity;
import dev.lifeboat.activities.failover.PromoteStandbyActivity;
import dev.lifeboat.activities.health.HealthCheckActivity;
import dev.lifeboat.activities.notify.NotifyActivity;
import dev.lifeboat.activities.restore.RestoreDataActivity;
import dev.lifeboat.activities.sql.SqlActivity;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The step kinds of the runbook language, each declared once, in the order the reference documents
 * them. A new kind is a {@link Step} record, a {@link StepReader} and a declaration here (see
 * "Adding a step kind" in the README).
 */
public final class StepKinds {
  private static final StepKind<VerifyBackupStep> VERIFY_BACKUP =
      new StepKind<>(
          VerifyBackupStep.KIND,
          VerifyBackupStep.class,
          new VerifyBackupStepReader(),
          SideEffects.NONE,
          List.of("path", "host", "max_age", "min_size"),
          ActivityCall.of(
              VerifyBackupActivity.class,
              VerifyBackupActivity::verifyBackup,
              VerifyBackupStep::request));

  private static final StepKind<RestoreDataStep> RESTORE_DATA =
      new StepKind<>(
          RestoreDataStep.KIND,
          RestoreDataStep.class,
          new RestoreDataStepReader(),
          SideEffects.CHANGES,
          List.of("source", "server", "database", "host", "to"),
          ActivityCall.of(
                  RestoreDataActivity.class,
                  RestoreDataActivity::restoreData,
                  RestoreDataStep::request)
              .heartbeating());

  private static final StepKind<HealthCheckStep> HEALTH_CHECK =
      new StepKind<>(
          HealthCheckStep.KIND,
          HealthCheckStep.class,
          new HealthCheckStepReader(),
          SideEffects.NONE,
          List.of("sql", "http", "tcp", "ssh"),
          // It may poll for as long as its until_healthy window.
          ActivityCall.of(
                  HealthCheckActivity.class,
                  HealthCheckActivity::healthCheck,
                  HealthCheckStep::request)
              .heartbeating());

  private static final StepKind<NotifyStep> NOTIFY =
      new StepKind<>(
          NotifyStep.KIND,
          NotifyStep.class,
          new NotifyStepReader(),
          SideEffects.MESSAGES,
          // A drill may send its e-mail to the drill's own people, under its own subject.
          List.of("channel", "url", "to", "subject", "message"),
          // From the main worker, so a run can tell people that a site is gone.
          ActivityCall.withRun(
                  NotifyActivity.class,
                  NotifyActivity::notify,
                  (NotifyStep step, StepContext run) ->
                      step.request(run.templateData(step, step.usesSteps()), run.notifyPrefix()))
              .onMainWorkerOnly());

  private static final StepKind<CommandStep> COMMAND =
      new StepKind<>(
          CommandStep.KIND,
          CommandStep.class,
          new CommandStepReader(),
          SideEffects.CHANGES,
          List.of("host", "run", "expect_exit"),
          // Its heartbeat is also how a cancellation reaches the remote process.
          ActivityCall.of(CommandActivity.class, CommandActivity::command, CommandStep::request)
              .heartbeating());

  private static final StepKind<StartFailoverStep> START_FAILOVER =
      new StepKind<>(
          StartFailoverStep.KIND,
          StartFailoverStep.class,
          new StartFailoverStepReader(),
          SideEffects.CHANGES,
          List.of("actions"),
          // Its actions, one activity call each, stop at the first that fails.
          InWorkflow.calling(
              CommandActivity.class, PromoteStandbyActivity.class, HttpActionActivity.class));

  private static final StepKind<SqlStep> SQL =
      new StepKind<>(
          SqlStep.KIND,
          SqlStep.class,
          new SqlStepReader(),
          SideEffects.CHANGES,
          List.of("server", "database", "statement"),
          // Its heartbeat is how a cancellation reaches the statement on the server.
          ActivityCall.of(SqlActivity.class, SqlActivity::sql, SqlStep::request).heartbeating());

  private static final StepKind<WaitStep> WAIT =
      new StepKind<>(
          WaitStep.KIND,
          WaitStep.class,
          new WaitStepReader(),
          SideEffects.NONE,
          List.of("duration"),
          // A durable timer of the workflow's own.
          InWorkflow.calling());

  private static final StepKind<ApprovalStep> APPROVAL =
      new StepKind<>(
          ApprovalStep.KIND,
          ApprovalStep.class,
          new ApprovalStepReader(),
          // Its escalation is a message; the approvals themselves change nothing.
          SideEffects.MESSAGES,
          // Who must decide and whom the escalation tells; never what happens on a timeout.
          List.of("approvers", "role", "escalate"),
          // A gate the workflow holds; its escalation is sent like a notify step, from the main
          // worker, whose notify activity every server registers.
          InWorkflow.calling());

  private static final List<StepKind<?>> ALL =
      List.of(
          VERIFY_BACKUP,
          RESTORE_DATA,
          HEALTH_CHECK,
          NOTIFY,
          COMMAND,
          START_FAILOVER,
          SQL,
          WAIT,
          APPROVAL);

  private StepKinds() {}

  /** Every kind, in the order the reference documents them. */
  public static List<StepKind<?>> all() {
    return ALL;
  }

  /** The kind of {@code step}. */
  @SuppressWarnings("unchecked") // each kind's type is its own S
  public static <S extends Step> StepKind<S> of(S step) {
    return (StepKind<S>) of(step.getClass());
  }

  /** The kind whose record is {@code type}. */
  public static StepKind<?> of(Class<?> type) {
    return ALL.stream()
        .filter(kind -> kind.type() == type)
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException(type.getName() + " is not a declared step kind"));
  }

  /** The activity interfaces of every kind: what the server's worker registers. */
  public static Set<Class<?>> activities() {
    return activities(false);
  }

  /**
   * The activity interfaces of the kinds that may run at a site: what a site's worker registers.
   */
  public static Set<Class<?>> siteActivities() {
    return activities(true);
  }

  static Optional<StepKind<?>> find(String name) {
    return ALL.stream().filter(kind -> kind.name().equals(name)).findFirst();
  }

  /** The YAML names of every kind, in the order the reference documents them. */
  public static List<String> names() {
    return ALL.stream().map(StepKind::name).toList();
  }

  private static Set<Class<?>> activities(boolean atSites) {
    Set<Class<?>> activities = new LinkedHashSet<>();
    ALL.stream()
        .filter(kind -> !(atSites && kind.mainWorkerOnly()))
        .forEach(kind -> activities.addAll(kind.activities()));
    return Set.copyOf(activities);
  }
}
