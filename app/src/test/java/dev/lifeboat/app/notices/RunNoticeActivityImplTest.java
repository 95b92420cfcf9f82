package dev.lifeboat.app.notices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.activities.notify.NotifyActivity;
import dev.lifeboat.activities.notify.NotifyActivityImpl;
import dev.lifeboat.activities.notify.NotifyChannel;
import dev.lifeboat.activities.notify.NotifyRequest;
import dev.lifeboat.activities.notify.NotifyResult;
import dev.lifeboat.app.TestRecord;
import dev.lifeboat.app.compliance.OwnerChannel;
import dev.lifeboat.workflow.CapturedLogs;
import dev.lifeboat.workflow.RunEvent;
import dev.lifeboat.workflow.RunEventType;
import io.dropwizard.jackson.Jackson;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.net.http.HttpClient;
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

  final CapturedLogs logs = CapturedLogs.start("lifeboat.notify");

  @AfterEach
  void close() {
    env.close();
    logs.close();
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

  @Test
  void everyEventsTemplateRendersWithTheRunsValuesAsText() {
    RunNoticeActivityImpl logged =
        new RunNoticeActivityImpl(
            record,
            Map.of("dba-team", OwnerChannel.LOG),
            new NoticesConfig("https://lb.example.org", null),
            new NotifyActivityImpl(HttpClient.newHttpClient()),
            Jackson.newObjectMapper());
    String id = run("dba-team");
    Map<NoticeEvent, String> expected =
        Map.of(
            NoticeEvent.RUN_STARTED, "The drill " + id + " of plan shop started, launched by alice",
            NoticeEvent.STEP_AWAITING_APPROVAL,
                "java -jar lifeboat.jar approve " + id + " port --comment",
            NoticeEvent.STEP_FAILED, "step port (stage check) failed:\n${x} <#assign y = 1>",
            NoticeEvent.STEP_AWAITING_DECISION,
                "POST https://lb.example.org/api/runs/" + id + "/steps/port/decide",
            NoticeEvent.RUN_FINISHED,
                "Report: https://lb.example.org/api/runs/" + id + "/report?format=html");
    long seq = 1;
    for (NoticeEvent event : NoticeEvent.values()) {
      RunEventType type =
          event == NoticeEvent.RUN_FINISHED
              ? RunEventType.RUN_FAILED
              : RunEventType.fromWireName(event.configName()).orElseThrow();
      RunNoticeSent told =
          logged.sendRunNotice(
              new RunNotice(id, seq++, event, type, "check", "port", "${x} <#assign y = 1>"));
      assertThat(told.sentNow()).as(event.configName()).isTrue();
    }
    assertThat(recorded(id)).isEqualTo(NoticeEvent.values().length);
    expected.forEach(
        (event, text) ->
            assertThat(logs.texts().values())
                .as(event.configName())
                .anyMatch(line -> line.contains(text)));
  }

  static RunEvent event(String runId, long seq, RunEventType type) {
    return new RunEvent(
        runId, seq, type, Instant.now(), "check", "port", "health-check", 1, "x", null);
  }
}
