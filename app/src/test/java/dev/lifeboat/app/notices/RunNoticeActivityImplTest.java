package dev.lifeboat.app.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.activities.notify.NotifyActivity;
import dev.lifeboat.activities.notify.NotifyChannel;
import dev.lifeboat.activities.notify.NotifyRequest;
import dev.lifeboat.activities.notify.NotifyResult;
import dev.lifeboat.app.TestRecord;
import dev.lifeboat.app.compliance.OwnerChannel;
import dev.lifeboat.workflow.RunEvent;
import dev.lifeboat.workflow.RunEventType;
import io.dropwizard.jackson.Jackson;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Run notices against a real record and Temporal's test server: each is sent once however often it
 * is retried, a failed send is retried, only the chosen events are told.
 */
class RunNoticeActivityImplTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  final Jdbi record = TestRecord.create(pg, "lifeboat_run_notices").jdbi();
  final List<NotifyRequest> sent = new CopyOnWriteArrayList<>();
  final AtomicBoolean failing = new AtomicBoolean();
  final NotifyActivity notifier =
      request -> {
        if (failing.get()) {
          throw new IllegalStateException("the SMTP server answered 421");
        }
        sent.add(request);
        return new NotifyResult(request.channel(), request.template(), 0, "kept by the test");
      };
  final RunNoticeActivityImpl activity =
      new RunNoticeActivityImpl(
          record,
          Map.of("dba-team", new OwnerChannel(NotifyChannel.EMAIL, null, List.of("dba@x.org"))),
          NoticesConfig.defaults(),
          notifier,
          Jackson.newObjectMapper());
  final TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();

  @AfterEach
  void close() {
    env.close();
  }

  String run(String owner) {
    String id = UUID.randomUUID().toString();
    record.useHandle(
        handle ->
            handle
                .createUpdate(
                    """
                    insert into runs (id, plan_name, plan_text, plan_sha256, plan_json, mode,
                                      params, launcher, status, workflow_id, created_at)
                    values (:id, 'shop', 'name: shop', repeat('0', 64), cast(:plan as jsonb),
                            'drill', '{}', 'alice', 'running', 'wf-' || :id, now())
                    """)
                .bind("id", id)
                .bind("plan", "{\"owner\": \"" + owner + "\", \"title\": \"Shop\"}")
                .execute());
    return id;
  }

  static RunNotice started(String runId) {
    return new RunNotice(
        runId, 1, NoticeEvent.RUN_STARTED, RunEventType.RUN_STARTED, null, null, null);
  }

  int recorded(String runId) {
    return record.onDemand(RunNoticeDao.class).count(runId);
  }

  @Test
  void aNoticeRetriedIsSentOnce() {
    String id = run("dba-team");

    assertThat(activity.sendRunNotice(started(id)).sentNow()).isTrue();
    RunNoticeSent again = activity.sendRunNotice(started(id));

    assertThat(again).isEqualTo(new RunNoticeSent(false, "sent before"));
    assertThat(sent)
        .singleElement()
        .satisfies(r -> assertThat(r.to()).containsExactly("dba@x.org"));
    assertThat(sent.get(0).prefix()).isEqualTo("[DRILL] ");
    assertThat(recorded(id)).isEqualTo(1);
  }

  @Test
  void aFailedSendIsNotRecordedSoTheRetrySendsIt() {
    String id = run("dba-team");
    failing.set(true);
    assertThatThrownBy(() -> activity.sendRunNotice(started(id))).hasMessageContaining("421");
    assertThat(recorded(id)).isZero();

    failing.set(false);
    assertThat(activity.sendRunNotice(started(id)).sentNow()).isTrue();
    assertThat(sent).hasSize(1);
    assertThat(recorded(id)).isEqualTo(1);
  }

  @Test
  void anOwnerWithoutAChannelIsToldNothing() {
    String id = run("web-team");
    assertThat(activity.sendRunNotice(started(id)).summary())
        .isEqualTo("owner 'web-team' has no channel in owners:");
    assertThat(sent).isEmpty();
    assertThat(recorded(id)).isZero();
  }

  @Test
  void onlyTheChosenEventsStartANoticeAndEachOnlyOnce() {
    Worker worker = env.newWorker("notices");
    worker.registerWorkflowImplementationTypes(RunNoticeWorkflowImpl.class);
    worker.registerActivitiesImplementations(activity);
    env.start();
    String id = run("dba-team");
    RunEvent start = event(id, 1, RunEventType.RUN_STARTED);
    RunEvent failed = event(id, 2, RunEventType.STEP_FAILED);
    RunEvent succeeded = event(id, 3, RunEventType.STEP_SUCCEEDED);

    new TemporalRunNotices(env.getWorkflowClient(), "notices", new NoticesConfig(null, Set.of()))
        .recorded(List.of(start, failed));
    TemporalRunNotices onlyFailures =
        new TemporalRunNotices(
            env.getWorkflowClient(),
            "notices",
            new NoticesConfig(null, Set.of(NoticeEvent.STEP_FAILED)));
    onlyFailures.recorded(List.of(start, failed, succeeded));
    onlyFailures.recorded(List.of(start, failed, succeeded));

    await().atMost(Duration.ofSeconds(20)).until(() -> recorded(id) == 1);
    env.getWorkflowClient()
        .newUntypedWorkflowStub("notice-" + id + "-2", Optional.empty(), Optional.empty())
        .getResult(RunNoticeSent.class);
    assertThat(sent)
        .singleElement()
        .satisfies(r -> assertThat(r.context().params()).containsEntry("event", "step.failed"));
    WorkflowStub never =
        env.getWorkflowClient()
            .newUntypedWorkflowStub("notice-" + id + "-1", Optional.empty(), Optional.empty());
    assertThatThrownBy(() -> never.getResult(RunNoticeSent.class))
        .hasMessageContaining("notice-" + id + "-1");
  }

  static RunEvent event(String runId, long seq, RunEventType type) {
    return new RunEvent(
        runId, seq, type, Instant.now(), "check", "port", "health-check", 1, "x", null);
  }
}
