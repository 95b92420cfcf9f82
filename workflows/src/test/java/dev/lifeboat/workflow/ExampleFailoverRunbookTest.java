package dev.lifeboat.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.lifeboat.activities.Sha256;
import dev.lifeboat.activities.failover.StreamingPair;
import dev.lifeboat.activities.ssh.SshServerExtension;
import dev.lifeboat.runbook.StartFailoverStep;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped {@code runbooks/example-failover.yml}, run for real: its launch params point at an
 * sshd on loopback (the old primary's host, whose fencing script really stops the primary), a
 * primary + streaming standby, and a JDK HTTP server as load balancer and shop. Proves the example
 * works as written, not only that it parses.
 */
class ExampleFailoverRunbookTest {
  static final Path EXAMPLE = Path.of("..", "runbooks", "example-failover.yml");

  @RegisterExtension static final TestWorkflowExtension temporal = WorkflowRig.extension();
  @RegisterExtension static final SshServerExtension sshd = new SshServerExtension();

  @TempDir Path dir;

  private RealFailoverParts parts;
  private TestWorkflowEnvironment env;
  private Worker worker;

  @BeforeEach
  void start(TestWorkflowEnvironment env, Worker worker) throws Exception {
    parts = RealFailoverParts.start(sshd.server());
    parts.register(worker);
    env.start();
    this.env = env;
    this.worker = worker;
  }

  @AfterEach
  void stop() throws Exception {
    parts.close();
  }

  @Test
  void failsTheShopDatabaseOverToTheStandby() throws Exception {
    StreamingPair.execute(parts.pair.primary(), "CREATE DATABASE shop");
    Path dump = dumpShop();
    Path fence = dir.resolve("fence-postgres");
    Files.writeString(fence, "#!/bin/sh\nset -e\n" + parts.pair.stopPrimaryCommandLine() + "\n");
    Files.setPosixFilePermissions(fence, PosixFilePermissions.fromString("rwxr-xr-x"));
    RunInput input =
        RealFailoverParts.launch(
            "example-failover-1",
            EXAMPLE.toString(),
            Files.readString(EXAMPLE),
            Map.of(
                "latest_dump",
                dump.toString(),
                "old_primary_host",
                "db-1",
                "fence_script",
                fence.toString(),
                "standby_server",
                "standby",
                "lb_pool_url",
                parts.http.base() + "/api/pools/shop-db",
                "shop_health_url",
                parts.http.base() + "/health"));

    RunState state = RealFailoverParts.run(env.getWorkflowClient(), worker.getTaskQueue(), input);

    assertThat(state.steps())
        .as("every step of the example succeeds: %s", state.steps())
        .allSatisfy(step -> assertThat(step.status()).isEqualTo(StepStatus.SUCCEEDED));
    assertThat(state.status()).isEqualTo(RunStatus.SUCCEEDED);
    assertThat(catchThrowable(() -> StreamingPair.queryText(parts.pair.primary(), "SELECT 1")))
        .as("the fencing script stopped the old primary")
        .isNotNull();
    StreamingPair.execute(parts.pair.standby(), "CREATE TABLE orders_after_failover (id int)");
    assertThat(parts.http.calls())
        .containsExactly(
            new HttpRecorder.Call(
                "PUT",
                "/api/pools/shop-db",
                RealFailoverParts.LB_TOKEN,
                "application/json",
                "{\"active\": \"standby\"}"));
    assertThat(parts.record.events().toString())
        .as("the run's record holds the token's reference, never the token")
        .doesNotContain(RealFailoverParts.LB_SECRET);
    StartFailoverStep failover =
        (StartFailoverStep)
            input.plan().steps().filter(StartFailoverStep.class::isInstance).findFirst().get();
    assertThat(failover.actions().get(2).http().headers())
        .as("what the run executes (and its history keeps) is the reference")
        .containsEntry("Authorization", "Bearer ${secret:env:LB_API_TOKEN}");
  }

  /** A custom-format dump of the shop database with its sha256 sidecar, as the example expects. */
  private Path dumpShop() throws Exception {
    Path dump = dir.resolve("shop.dump");
    Process pgDump =
        new ProcessBuilder(
                List.of(
                    "pg_dump",
                    "-Fc",
                    "-h",
                    "127.0.0.1",
                    "-p",
                    String.valueOf(parts.pair.primary().port()),
                    "-U",
                    "postgres",
                    "-d",
                    "shop",
                    "-f",
                    dump.toString()))
            .redirectErrorStream(true)
            .start();
    String output = new String(pgDump.getInputStream().readAllBytes());
    assertThat(pgDump.waitFor(60, TimeUnit.SECONDS) && pgDump.exitValue() == 0)
        .as("pg_dump of the test primary: %s", output)
        .isTrue();
    Files.writeString(dir.resolve("shop.dump.sha256"), Sha256.of(dump) + "  shop.dump\n");
    return dump;
  }
}
