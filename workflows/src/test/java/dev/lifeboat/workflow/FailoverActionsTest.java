package dev.lifeboat.workflow;

import static dev.lifeboat.workflow.Plans.drill;
import static dev.lifeboat.workflow.Plans.failover;
import static dev.lifeboat.workflow.Plans.plan;
import static dev.lifeboat.workflow.Plans.stage;
import static dev.lifeboat.workflow.RunbookWorkflowImplTest.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.runbook.OnFailure;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The sequencing of {@code start-failover} actions, with fake activities: order, the first failure
 * stopping the rest, retries per action, cancellation, and what the record keeps.
 */
class FailoverActionsTest {
  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowRig.extension();

  static final String SSH = "fo-old-primary";
  static final String PROMOTE = "fo-standby";
  static final String HTTP = "http://lb.test/fo";

  final WorkflowRig rig = new WorkflowRig();

  @BeforeEach
  void startWorker(TestWorkflowEnvironment env, Worker worker) {
    rig.start(env, worker);
  }

  /** The detail of step fo's end event, as the record's JSON. */
  private JsonNode endDetail() {
    RunEvent end =
        rig.record.events().stream()
            .filter(event -> "fo".equals(event.stepId()))
            .filter(event -> event.type().wireName().matches("step\\.(succeeded|failed)"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no end event for step fo"));
    return new ObjectMapper().valueToTree(end.detail());
  }

  @Test
  void runsTheActionsOneAfterAnotherAndSaysWhatEachDid() {
    RunState state = rig.run(drill("fo-order", plan(stage("switch", failover("fo", Plans.ABORT)))));

    assertThat(state.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(rig.script.log())
        .as("each action starts only after the one before it ended")
        .containsExactly(
            "start " + SSH,
            "end " + SSH,
            "start " + PROMOTE,
            "end " + PROMOTE,
            "start " + HTTP,
            "end " + HTTP);
    assertThat(step(state, "fo").summary())
        .isEqualTo(
            "3 actions: ssh fo-old-primary exit 0; promoted fo-standby at LSN 0/3000148 (replay"
                + " lag 0 bytes); PUT http://lb.test/fo → 200");
    JsonNode result = endDetail();
    assertThat(result.findValuesAsText("action"))
        .as("the record keeps each action's result")
        .containsExactly("ssh fo-old-primary", "promote fo-standby", "PUT http://lb.test/fo");
    assertThat(result.at("/actions/0/ssh/exitCode").asInt()).isZero();
    assertThat(result.at("/actions/1/promote/promotedAtLsn").asText()).isEqualTo("0/3000148");
    assertThat(result.at("/actions/2/http/status").asInt()).isEqualTo(200);
  }

  @Test
  void stopsAtTheFirstFailedActionNamingItWhatRanBeforeAndWhatDidNot() {
    rig.script.on(
        PROMOTE,
        StepScript.failAlways(StepFailureType.BAD_INPUT, "server 'fo-standby' is a primary"));

    RunState state = rig.run(drill("fo-stop", plan(stage("switch", failover("fo", Plans.ABORT)))));

    assertThat(state.status()).isEqualTo(RunStatus.FAILED);
    assertThat(step(state, "fo").status()).isEqualTo(StepStatus.FAILED);
    assertThat(step(state, "fo").summary())
        .isEqualTo(
            "action 2 of 3 (promote fo-standby) failed: server 'fo-standby' is a primary; done"
                + " before it: ssh fo-old-primary exit 0; not run: PUT http://lb.test/fo");
    assertThat(rig.script.attempts(HTTP))
        .as("the load balancer must not be switched to a server that did not promote")
        .isZero();
    JsonNode detail = endDetail();
    assertThat(detail.path("type").asText()).isEqualTo("BAD_INPUT");
    assertThat(detail.path("message").asText()).isEqualTo("server 'fo-standby' is a primary");
    assertThat(detail.path("failedAction").asInt()).isEqualTo(2);
    assertThat(detail.path("completed").findValuesAsText("action"))
        .as("the record shows how far the failover got")
        .containsExactly("ssh fo-old-primary");
  }

  @Test
  void retriesOnlyTheFailedActionUnderTheStepsRetryPolicy() {
    rig.script.on(PROMOTE, StepScript.failFirst(2, StepFailureType.UNAVAILABLE));

    RunState state =
        rig.run(drill("fo-retry", plan(stage("switch", failover("fo", Plans.attempts(3))))));

    assertThat(step(state, "fo").status()).isEqualTo(StepStatus.SUCCEEDED);
    assertThat(
            List.of(
                rig.script.attempts(SSH), rig.script.attempts(PROMOTE), rig.script.attempts(HTTP)))
        .as("attempts of ssh, promote, http: the fence is not repeated when promotion is retried")
        .containsExactly(1, 3, 1);
  }

  @Test
  void saysAllAttemptsWereUsedWhenAnActionKeepsFailing() {
    rig.script.on(HTTP, StepScript.failAlways(StepFailureType.UNAVAILABLE, "lb.test: refused"));

    RunState state =
        rig.run(drill("fo-exhausted", plan(stage("switch", failover("fo", Plans.attempts(2))))));

    assertThat(step(state, "fo").attempt()).isEqualTo(2);
    assertThat(rig.script.attempts(HTTP)).isEqualTo(2);
    assertThat(step(state, "fo").summary())
        .startsWith("action 3 of 3 (PUT http://lb.test/fo) failed: lb.test: refused; done before")
        .doesNotContain("not run");
  }

  @Test
  void cancellingTheRunStopsTheRunningActionAndStartsNoOther() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    rig.script.on(SSH, StepScript.heartbeatUntil(started, new CountDownLatch(1)));
    var shortHeartbeat = Plans.policy(Duration.ofSeconds(2), Plans.QUICK_RETRY, OnFailure.ABORT);
    WorkflowStub run =
        rig.start(drill("fo-cancel", plan(stage("switch", failover("fo", shortHeartbeat)))));
    started.await();

    run.cancel();

    assertThatThrownBy(() -> run.getResult(RunState.class))
        .isInstanceOf(WorkflowFailedException.class);
    RunState state = rig.existing("fo-cancel").state();
    assertThat(state.status()).isEqualTo(RunStatus.CANCELLED);
    assertThat(step(state, "fo").summary()).isEqualTo("cancelled while running");
    assertThat(rig.script.log()).contains("end " + SSH);
    assertThat(rig.script.attempts(PROMOTE)).as("no action starts after a cancel").isZero();
  }
}
