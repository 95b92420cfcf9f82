package dev.lifeboat.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.command.CommandRequest;
import dev.lifeboat.runbook.CommandStep;
import dev.lifeboat.runbook.OnFailure;
import dev.lifeboat.runbook.Retry;
import dev.lifeboat.runbook.StepPolicy;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A step with a site runs on the worker polling {@code <queue>@<site>}, every other step on the
 * main worker; a site with no worker fails its step with a message saying what to start.
 */
class SiteRoutingTest {
  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowRig.extension();

  private final WorkflowRig rig = new WorkflowRig();

  /** What the worker at dr-east ran; the main worker's fakes record into {@code rig.script}. */
  private final StepScript drEast = new StepScript();

  @BeforeEach
  void startWorkers(TestWorkflowEnvironment env, Worker main) {
    Worker site = env.newWorker(SiteQueues.of(main.getTaskQueue(), "dr-east"));
    site.registerActivitiesImplementations(WorkflowRig.siteActivities(drEast));
    rig.start(env, main);
  }

  private static CommandStep command(String id, StepPolicy policy) {
    return new CommandStep(id, policy, new CommandRequest(id, "true", null, 0, 1024));
  }

  @Test
  void aStepWithASiteRunsOnThatSitesWorkerAndTheOthersOnTheMainOne() {
    RunState end =
        rig.run(
            Plans.drill(
                "sites-1",
                Plans.plan(
                    Plans.stage(
                        "restore",
                        command("at-dr-east", Plans.ABORT.atSite("dr-east")),
                        command("at-main", Plans.ABORT),
                        Plans.failover("switch", Plans.ABORT.atSite("dr-east")),
                        Plans.notify("tell", "done")))));

    assertThat(end.status())
        .as("every step succeeds: %s", end.steps())
        .isEqualTo(RunStatus.SUCCEEDED);
    assertThat(drEast.log())
        .as("the dr-east worker ran the dr-east command and every action of the dr-east failover")
        .contains(
            "start at-dr-east",
            "start switch-old-primary",
            "start switch-standby",
            "start http://lb.test/switch")
        .doesNotContain("start at-main");
    assertThat(rig.script.log())
        .as("the main worker ran the site-less command and the notify")
        .contains("start at-main")
        .doesNotContain("start at-dr-east", "start switch-old-primary");
    assertThat(rig.notify.requests()).as("notify stays on the main queue").hasSize(1);
  }

  @Test
  void aStepAtASiteWithNoWorkerFailsSayingWhatToStart() {
    StepPolicy oneSecond =
        new StepPolicy(
                Duration.ofSeconds(1), new Retry(3, Duration.ofMillis(50), 1.0), OnFailure.ABORT)
            .atSite("dr-west");

    RunState end =
        rig.run(
            Plans.drill(
                "sites-2", Plans.plan(Plans.stage("restore", command("at-dr-west", oneSecond)))));

    assertThat(end.status()).isEqualTo(RunStatus.FAILED);
    assertThat(end.steps().get(0).summary())
        .isEqualTo(
            "no worker at site 'dr-west' took the step within 1s; start one there with"
                + " `lifeboat worker --site dr-west`");
    assertThat(drEast.log()).as("the dr-east worker must not take a dr-west step").isEmpty();
    assertThat(rig.script.log()).as("nor the main worker").isEmpty();
  }
}
