package dev.lifeboat.workflow;

import dev.lifeboat.activities.FreePorts;
import dev.lifeboat.activities.backup.VerifyBackupActivityImpl;
import dev.lifeboat.activities.command.CommandActivityImpl;
import dev.lifeboat.activities.failover.HttpActionActivityImpl;
import dev.lifeboat.activities.failover.PromoteStandbyActivityImpl;
import dev.lifeboat.activities.failover.StreamingPair;
import dev.lifeboat.activities.health.HealthCheckActivityImpl;
import dev.lifeboat.activities.notify.NotifyActivityImpl;
import dev.lifeboat.activities.postgres.ConfiguredPostgresServers;
import dev.lifeboat.activities.postgres.PgTools;
import dev.lifeboat.activities.secrets.LocalSecrets;
import dev.lifeboat.activities.ssh.ConfiguredSshHosts;
import dev.lifeboat.activities.ssh.JschRemoteShell;
import dev.lifeboat.activities.ssh.SshHost;
import dev.lifeboat.activities.ssh.SshServerExtension;
import dev.lifeboat.activities.ssh.SshServerFixture;
import dev.lifeboat.activities.ssh.SshSettings;
import dev.lifeboat.runbook.ParseResult;
import dev.lifeboat.runbook.RunBindings;
import dev.lifeboat.runbook.RunbookParser;
import dev.lifeboat.runbook.RunbookProblem;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.worker.Worker;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The real parts a failover runbook acts on, for tests that run runbooks through Temporal's test
 * server with the real activities: an OpenSSH server on loopback, a PostgreSQL primary with a
 * streaming standby, and a JDK HTTP server standing in for the load balancer's API and the app.
 *
 * <p>Configured hosts: {@code standby-1} and {@code db-1} (the sshd), {@code down-host} (a loopback
 * port nothing listens on) and {@code impostor} (the sshd, whose key the known_hosts file does not
 * match). Configured PostgreSQL servers: {@code primary} and {@code standby}.
 */
final class RealFailoverParts implements AutoCloseable {
  /** Quick connection attempts and ticks, so failures and kills show within seconds. */
  static final SshSettings SSH =
      new SshSettings(
          Duration.ofSeconds(5),
          2,
          Duration.ofMillis(200),
          Duration.ofMillis(200),
          Duration.ofSeconds(3));

  static final Set<String> HOST_NAMES = Set.of("standby-1", "db-1", "down-host", "impostor");

  /** What the worker's environment holds as {@code LB_API_TOKEN}. */
  static final String LB_SECRET = "t0k3n-from-env";

  /** The header the example sends: {@code Authorization: Bearer ${secrets.lb_token}}. */
  static final String LB_TOKEN = "Bearer " + LB_SECRET;

  final SshServerFixture sshd;
  final StreamingPair pair;
  final HttpRecorder http;
  final int closedPort;
  final FakeRunRecordActivity record = new FakeRunRecordActivity();

  private RealFailoverParts(
      SshServerFixture sshd, StreamingPair pair, HttpRecorder http, int closedPort) {
    this.sshd = sshd;
    this.pair = pair;
    this.http = http;
    this.closedPort = closedPort;
  }

  /** The parts around {@code sshd}, which the test class's {@link SshServerExtension} runs. */
  static RealFailoverParts start(SshServerFixture sshd) throws Exception {
    StreamingPair pair = StreamingPair.start();
    try {
      return new RealFailoverParts(sshd, pair, HttpRecorder.start(), FreePorts.next());
    } catch (Exception | Error e) {
      pair.close();
      throw e;
    }
  }

  Map<String, SshHost> hosts() {
    Map<String, SshHost> hosts = new LinkedHashMap<>();
    hosts.put("standby-1", host("standby-1", sshd.port(), sshd.knownHosts()));
    hosts.put("db-1", host("db-1", sshd.port(), sshd.knownHosts()));
    hosts.put("down-host", host("down-host", closedPort, sshd.knownHosts()));
    hosts.put("impostor", host("impostor", sshd.port(), sshd.dir().resolve("known_hosts_changed")));
    return hosts;
  }

  private SshHost host(String name, int port, Path knownHosts) {
    return new SshHost(
        name,
        "127.0.0.1",
        port,
        System.getProperty("user.name"),
        sshd.dir().resolve("user_key"),
        null,
        knownHosts,
        null);
  }

  /** The real activities of every step kind a failover runbook uses, and the in-memory record. */
  void register(Worker worker) {
    var servers =
        new ConfiguredPostgresServers(Map.of("primary", pair.primary(), "standby", pair.standby()));
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Clock clock = Clock.systemUTC();
    worker.registerActivitiesImplementations(
        new CommandActivityImpl(new ConfiguredSshHosts(hosts()), new JschRemoteShell(SSH)),
        new PromoteStandbyActivityImpl(servers, clock),
        new HttpActionActivityImpl(client, new LocalSecrets(Map.of("LB_API_TOKEN", LB_SECRET))),
        new VerifyBackupActivityImpl(clock, PgTools.in(null)),
        new HealthCheckActivityImpl(servers, client, clock),
        new NotifyActivityImpl(client),
        record);
  }

  /** Parses and resolves a runbook as the app's launcher does, with these hosts configured. */
  static RunInput launch(String runId, String source, String yaml, Map<String, String> params) {
    ParseResult resolved =
        new RunbookParser(HOST_NAMES, Set.of("primary", "standby"))
            .resolve(source, yaml, new RunBindings(runId, "recovery", "alice", params));
    List<String> problems = resolved.problems().stream().map(RunbookProblem::format).toList();
    if (!problems.isEmpty()) {
      throw new AssertionError("the runbook should resolve without problems: " + problems);
    }
    return new RunInput(
        runId, resolved.runbook().orElseThrow(), RunMode.RECOVERY, resolved.params(), "alice");
  }

  static RunState run(WorkflowClient client, String taskQueue, RunInput input) {
    return client
        .newWorkflowStub(
            RunbookWorkflow.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(taskQueue)
                .setWorkflowId(input.runId())
                .build())
        .run(input);
  }

  /**
   * The attempts Temporal made at each activity of a run, from its history: the attempt number of
   * each closed activity's last start, by activity type (e.g. {@code Command}).
   */
  static List<String> attempts(WorkflowClient client, String runId) {
    List<HistoryEvent> events = client.fetchHistory(runId).getEvents();
    Map<Long, String> types = new LinkedHashMap<>();
    List<String> attempts = new java.util.ArrayList<>();
    for (HistoryEvent event : events) {
      if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) {
        types.put(
            event.getEventId(),
            event.getActivityTaskScheduledEventAttributes().getActivityType().getName());
      } else if (event.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED) {
        var started = event.getActivityTaskStartedEventAttributes();
        String type = types.get(started.getScheduledEventId());
        if (!type.equals("RecordEvents")) {
          attempts.add(type + " attempt " + started.getAttempt());
        }
      }
    }
    return attempts;
  }

  @Override
  public void close() throws Exception {
    http.close();
    pair.close();
  }
}
