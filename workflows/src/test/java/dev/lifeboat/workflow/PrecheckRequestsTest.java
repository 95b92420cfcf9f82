package dev.lifeboat.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.failover.HttpActionRequest;
import dev.lifeboat.activities.notify.NotifyContext;
import dev.lifeboat.activities.precheck.PrecheckRequest;
import dev.lifeboat.activities.precheck.ServerNeed;
import dev.lifeboat.runbook.ApprovalTimeout;
import dev.lifeboat.runbook.FailoverAction;
import dev.lifeboat.runbook.StartFailoverStep;
import dev.lifeboat.runbook.Step;
import dev.lifeboat.runbook.StepContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each step kind is checked for: every kind has its needs read, none is forgotten. */
class PrecheckRequestsTest {
  private static final Duration RPO = Duration.ofHours(24);

  /** The run's data a message is rendered with, as the workflow gives it. */
  private static final StepContext RUN =
      new StepContext() {
        @Override
        public NotifyContext templateData(Step step, boolean withEarlierSteps) {
          return new NotifyContext(
              "r1",
              "precheck",
              "alice",
              "plan",
              "Plan",
              step.id(),
              "tell",
              Map.of(),
              List.of(),
              NotifyContext.RUNNING,
              null);
        }

        @Override
        public String notifyPrefix() {
          return "";
        }
      };

  @Test
  void readsTheNeedsOfEveryStepKind() {
    PrecheckRequest verify = PrecheckRequests.of(Plans.verify("/b/app.dump"), RPO, RUN);
    PrecheckRequest restore = PrecheckRequests.of(Plans.restore("r", Plans.ABORT), RPO, RUN);
    PrecheckRequest health = PrecheckRequests.of(Plans.health("db.example"), RPO, RUN);
    PrecheckRequest sql = PrecheckRequests.of(Plans.sql("s"), RPO, RUN);
    PrecheckRequest command = PrecheckRequests.of(Plans.command("app1"), RPO, RUN);
    PrecheckRequest failover = PrecheckRequests.of(Plans.failover("f", Plans.ABORT), RPO, RUN);
    PrecheckRequest wait = PrecheckRequests.of(Plans.pause("w", Duration.ofSeconds(1)), RPO, RUN);
    PrecheckRequest notify = PrecheckRequests.of(Plans.notify("n", "hi"), RPO, RUN);
    PrecheckRequest approval =
        PrecheckRequests.of(
            Plans.approval("a", 2, Duration.ofMinutes(1), ApprovalTimeout.FAIL), RPO, RUN);

    assertThat(verify.backups()).extracting(b -> b.path()).containsExactly("/b/app.dump");
    assertThat(restore.backups())
        .as("a restore's source must be there and within the plan's RPO")
        .singleElement()
        .satisfies(b -> assertThat(b.maxAge()).isEqualTo(RPO));
    assertThat(restore.servers()).containsExactly(new ServerNeed("primary", false));
    assertThat(health.urls()).containsExactly("tcp://db.example:5432");
    assertThat(sql.servers()).containsExactly(new ServerNeed("local", false));
    assertThat(command.hosts()).containsExactly("app1");
    assertThat(failover.hosts()).containsExactly("f-old-primary");
    assertThat(failover.servers())
        .as("a promote needs a standby")
        .containsExactly(new ServerNeed("f-standby", true));
    assertThat(failover.urls()).containsExactly("http://lb.test/f");
    assertThat(List.of(wait, notify))
        .allSatisfy(
            request -> {
              assertThat(request.hosts()).isEmpty();
              assertThat(request.urls()).isEmpty();
            });
    assertThat(approval.approvers().role()).isEqualTo("commander");
    assertThat(approval.approvers().approvers()).isEqualTo(2);
    assertThat(notify.messages()).extracting(message -> message.template()).containsExactly("hi");
    assertThat(approval.messages())
        .as("the escalation's template is rendered too")
        .extracting(message -> message.context().stepId())
        .containsExactly("a-escalate");
  }

  @Test
  void findsSecretReferencesWithoutHoldingValues() {
    StartFailoverStep step =
        new StartFailoverStep(
            "switch",
            Plans.ABORT,
            List.of(
                FailoverAction.http(
                    new HttpActionRequest(
                        "PUT",
                        "https://lb.test/api?token=${secret:env:LB_TOKEN}",
                        null,
                        null,
                        200,
                        null))));

    PrecheckRequest request = PrecheckRequests.of(step, RPO, RUN);

    assertThat(request.secrets()).containsExactly("env:LB_TOKEN");
    assertThat(request.urls()).containsExactly("https://lb.test/api?token=${secret:env:LB_TOKEN}");
  }
}
