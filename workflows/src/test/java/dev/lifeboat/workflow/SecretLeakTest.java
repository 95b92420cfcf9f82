package dev.lifeboat.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.health.HealthCheckActivityImpl;
import dev.lifeboat.activities.notify.NotifyActivityImpl;
import dev.lifeboat.activities.postgres.ConfiguredPostgresServers;
import dev.lifeboat.activities.secrets.EchoServer;
import dev.lifeboat.activities.secrets.LocalSecrets;
import dev.lifeboat.activities.secrets.SecretLeakScanner;
import dev.lifeboat.runbook.ParseResult;
import dev.lifeboat.runbook.RunBindings;
import dev.lifeboat.runbook.RunbookParser;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The leak test: a real run (parser, workflow, real health-check and notify activities) uses a
 * secret from a file in URLs and an Authorization header against a server that echoes every request
 * back, and fails in ways that put the echo into failure messages. The server must get the value;
 * the workflow history (every event, every payload decoded), the logs (Temporal's and Lifeboat's at
 * DEBUG), the run state and the run record must not hold it in any spelling.
 */
class SecretLeakTest {
  private static final String SECRET = "tok3n-9f8e7d6c5b4a+Z=";

  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowRig.extension();

  @TempDir Path dir;
  private final FakeRunRecordActivity record = new FakeRunRecordActivity();
  private final EchoServer server = new EchoServer();
  private WorkflowClient client;
  private String taskQueue;
  private Path secretFile;

  @BeforeEach
  void start(TestWorkflowEnvironment env, Worker worker) throws Exception {
    secretFile = Files.writeString(dir.resolve("lb-token"), SECRET + "\n");
    HttpClient http = HttpClient.newHttpClient();
    // An empty environment: the secret can only come from the file the plan names.
    LocalSecrets secrets = new LocalSecrets(Map.of());
    worker.registerActivitiesImplementations(
        new HealthCheckActivityImpl(
            new ConfiguredPostgresServers(Map.of()), http, Clock.systemUTC(), secrets),
        new NotifyActivityImpl(http, secrets),
        record);
    env.start();
    client = env.getWorkflowClient();
    taskQueue = worker.getTaskQueue();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private String plan() {
    String base = server.base();
    String auth = "headers: {Authorization: \"Bearer ${secrets.token}\"}";
    return """
        name: leak-check
        title: Secret leak check
        owner: sre
        objectives: {rto: 15m, rpo: 1h}
        secrets:
          token: file:%s
        stages:
          - name: probe
            steps:
              - id: echo-ok
                kind: health-check
                http: {url: "%s/echo/${secrets.token}", %s}
                retry: {attempts: 1}
              - id: echo-wrong
                kind: health-check
                http: {url: "%s/echo/${secrets.token}", expect_body: all systems go, %s}
                retry: {attempts: 2, initial_interval: 100ms}
                on_failure: continue
              - id: rejected
                kind: health-check
                http: {url: "%s/reject/${secrets.token}", %s}
                until_healthy: 1s
                poll_interval: 200ms
                retry: {attempts: 1}
                on_failure: continue
          - name: tell
            steps:
              - id: hook
                kind: notify
                channel: webhook
                url: "%s/ok/${secrets.token}"
                message: "Drill ${run.id}: <#list steps as s>${s.id} ${s.summary}; </#list>"
              - id: log
                kind: notify
                channel: log
                message: "<#list steps as s>${s.id} ${s.summary}; </#list>"
        """
        .formatted(secretFile, base, auth, base, auth, base, auth, base);
  }

  @Test
  void theSecretReachesTheServerButNoHistoryLogStateOrRecord() {
    String runId = "run-leak";
    Map<String, String> texts = new LinkedHashMap<>();
    RunState state;
    try (CapturedLogs logs = CapturedLogs.start("io.temporal", "dev.lifeboat", "lifeboat")) {
      ParseResult parsed =
          new RunbookParser()
              .resolve(
                  "leak-check.yml", plan(), new RunBindings(runId, "drill", "alice", Map.of()));
      assertThat(parsed.problems()).as("the leak-check plan must parse").isEmpty();
      RunInput input =
          new RunInput(runId, parsed.runbook().orElseThrow(), RunMode.DRILL, Map.of(), "alice");
      RunbookWorkflow workflow =
          client.newWorkflowStub(
              RunbookWorkflow.class,
              WorkflowOptions.newBuilder().setTaskQueue(taskQueue).setWorkflowId(runId).build());
      state = workflow.run(input);
      texts.putAll(WorkflowHistoryTexts.of(client, runId));
      texts.putAll(logs.texts());
    }
    texts.put("run state (query)", state.toString());
    texts.put("run record events", record.events().toString());

    assertThat(state.steps())
        .extracting(StepState::stepId, StepState::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("echo-ok", StepStatus.SUCCEEDED),
            org.assertj.core.groups.Tuple.tuple("echo-wrong", StepStatus.FAILED),
            org.assertj.core.groups.Tuple.tuple("rejected", StepStatus.FAILED),
            org.assertj.core.groups.Tuple.tuple("hook", StepStatus.SUCCEEDED),
            org.assertj.core.groups.Tuple.tuple("log", StepStatus.SUCCEEDED));
    assertThat(String.join("\n", server.received()))
        .as("the server must have received the real value in the path and the header")
        .contains("GET /echo/" + SECRET, "Authorization: Bearer " + SECRET, "POST /ok/" + SECRET);
    assertThat(texts.keySet())
        .as("the scan must cover decoded payloads and captured logs, not just the JSON export")
        .anyMatch(where -> where.contains("ACTIVITY_TASK_COMPLETED payload"))
        .anyMatch(where -> where.startsWith("log event"));
    new SecretLeakScanner(SECRET).assertAbsentFrom(texts);
    // The scan looked where the secret would have been: the echoes did come back, redacted.
    String everything = String.join("\n", texts.values());
    String label = "[redacted:file:" + secretFile + "]";
    assertContains(everything, "${secret:file:" + secretFile + "}", "the plan's placeholder");
    assertContains(everything, "got 'you sent: GET /echo/" + label, "the redacted echo");
    assertContains(everything, "posted to " + server.base() + "/ok/" + label, "the webhook");
    assertThat(record.events())
        .filteredOn(event -> event.type() == RunEventType.STEP_ATTEMPT_FAILED)
        .filteredOn(event -> event.stepId().equals("echo-wrong"))
        .as("both attempts of echo-wrong are recorded, each with the echo redacted")
        .hasSize(2)
        .allSatisfy(event -> assertThat(event.message()).contains("you sent: GET /echo/" + label));
  }

  private static void assertContains(String everything, String expected, String what) {
    assertThat(everything.contains(expected))
        .as("history, logs, state and record should hold %s: %s", what, expected)
        .isTrue();
  }
}
