package dev.lifeboat.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.FreePorts;
import dev.lifeboat.activities.health.HealthCheckActivity;
import dev.lifeboat.activities.health.HealthCheckRequest;
import dev.lifeboat.activities.health.TcpProbe;
import dev.lifeboat.app.embedded.EmbeddedTemporalServer;
import io.dropwizard.testing.ResourceHelpers;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lifeboat worker --site NAME config.yml} as an operator runs it: a separate JVM against a
 * Temporal it reaches over the network. It must poll the site's task queue, stop cleanly on
 * SIGTERM, and refuse a missing or malformed site with a message.
 */
class WorkerCommandTest {
  static final String SITE_QUEUE = "lifeboat-test@dr-east";

  static EmbeddedTemporalServer temporal;
  static WorkflowServiceStubs service;

  @TempDir static Path dir;
  static Path config;

  @BeforeAll
  static void startTemporal() throws Exception {
    temporal = EmbeddedTemporalServer.start("127.0.0.1", FreePorts.next());
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.target()).build());
    String testConfig =
        Files.readString(Path.of(ResourceHelpers.resourceFilePath("test-config.yml")));
    config =
        Files.writeString(
            dir.resolve("worker.yml"),
            testConfig
                .replace(
                    "  embedded: true\n",
                    "  embedded: false\n  target: " + temporal.target() + "\n")
                .replace("logging:\n  level: WARN", "logging:\n  level: INFO"));
  }

  @AfterAll
  static void stopTemporal() throws Exception {
    service.shutdownNow();
    temporal.stop();
  }

  @Test
  void pollsTheSiteQueueAndStopsCleanlyOnSigterm() throws Exception {
    Cli worker = lifeboat("worker", "--site", "dr-east", config.toString());
    try {
      runAStepAtTheSite();

      worker.process().destroy(); // SIGTERM, as systemd or Ctrl-C would
      assertThat(worker.process().waitFor(20, TimeUnit.SECONDS))
          .as("the worker stops within 20s of SIGTERM")
          .isTrue();
      assertThat(worker.output())
          .contains("worker for site dr-east polling task queue lifeboat-test@dr-east")
          .contains("worker for task queue lifeboat-test@dr-east stopped");
    } finally {
      worker.process().destroyForcibly();
    }
  }

  @Test
  void refusesToStartWithoutASite() throws Exception {
    Cli worker = lifeboat("worker", config.toString());

    assertThat(worker.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(worker.process().exitValue()).isNotZero();
    assertThat(worker.output()).contains("--site is required");
  }

  @Test
  void refusesAMalformedSiteNamingTheRule() throws Exception {
    Cli worker = lifeboat("worker", "--site", "DR East", config.toString());

    assertThat(worker.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(worker.process().exitValue()).isNotZero();
    assertThat(worker.output()).contains("'DR East' is not a valid site name");
  }

  /** A CLI process and the file its stdout and stderr go to. */
  record Cli(Process process, Path log) {
    String output() throws IOException {
      return Files.readString(log, StandardCharsets.UTF_8);
    }
  }

  /** Runs the CLI in a JVM of its own, with the test's class path. */
  private static Cli lifeboat(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.lifeboat.app.LifeboatApplication");
    command.addAll(List.of(args));
    Path log = Files.createTempFile(dir, "worker", ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    return new Cli(process, log);
  }

  /** A workflow of the test's own that sends one real step to the site's task queue. */
  @WorkflowInterface
  public interface ProbeAtSite {
    @WorkflowMethod
    String probe(int port);
  }

  public static class ProbeAtSiteImpl implements ProbeAtSite {
    @Override
    public String probe(int port) {
      HealthCheckActivity atSite =
          Workflow.newActivityStub(
              HealthCheckActivity.class,
              ActivityOptions.newBuilder()
                  .setTaskQueue(SITE_QUEUE)
                  .setScheduleToStartTimeout(Duration.ofSeconds(60))
                  .setStartToCloseTimeout(Duration.ofSeconds(30))
                  .build());
      return atSite
          .healthCheck(
              new HealthCheckRequest(null, null, new TcpProbe("127.0.0.1", port, null), null, null))
          .summary();
    }
  }

  /** Proves the worker polls the site's queue by having it run a real step. */
  private static void runAStepAtTheSite() {
    WorkflowClient client = WorkflowClient.newInstance(service);
    WorkerFactory factory = WorkerFactory.newInstance(client);
    factory
        .newWorker("worker-command-test")
        .registerWorkflowImplementationTypes(ProbeAtSiteImpl.class);
    factory.start();
    try {
      ProbeAtSite workflow =
          client.newWorkflowStub(
              ProbeAtSite.class,
              WorkflowOptions.newBuilder()
                  .setTaskQueue("worker-command-test")
                  .setWorkflowExecutionTimeout(Duration.ofSeconds(90))
                  .build());
      int port =
          Integer.parseInt(temporal.target().substring(temporal.target().lastIndexOf(':') + 1));
      assertThat(workflow.probe(port))
          .as("the site worker ran the step")
          .contains("TCP 127.0.0.1:" + port)
          .contains("healthy");
    } finally {
      factory.shutdownNow();
    }
  }
}
