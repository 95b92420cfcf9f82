package dev.lifeboat.activities.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Lifeboat killed with SIGKILL leaves its tools running; the next one to open the same directory
 * must stop them, and must never kill a process that merely got a recorded pid later.
 */
class PidFileToolLedgerTest {
  private static final Path SH = Path.of("/bin/sh");

  @TempDir Path dir;
  private Process leftover;

  @AfterEach
  void killLeftover() {
    if (leftover != null) {
      ToolRunner.killTree(leftover);
    }
  }

  @Test
  void recordsAToolWhileItRunsAndForgetsItWhenItEnds() throws Exception {
    try (PidFileToolLedger ledger = PidFileToolLedger.open(dir)) {
      ToolRunner runner = new ToolRunner(Duration.ofMillis(50), 1024, ledger);
      List<String> seenWhileRunning = new java.util.ArrayList<>();

      ToolRun run =
          runner.run(
              sh("sleep 0.3"),
              new ToolListener() {
                @Override
                public void onTick(ToolProgress progress) {
                  if (seenWhileRunning.isEmpty()) {
                    pidFiles().forEach(f -> seenWhileRunning.add(read(f)));
                  }
                }
              });

      assertThat(run.succeeded()).isTrue();
      assertThat(seenWhileRunning)
          .as("a pid file while the tool runs")
          .singleElement()
          .asString()
          .contains("executable=/bin/sh")
          .contains("command=sh -c sleep 0.3");
      assertThat(pidFiles()).as("no pid file once the tool has ended").isEmpty();
    }
  }

  @Test
  void stopsAToolAndItsChildrenThatAKilledOwnerLeftRunning() throws Exception {
    String marker = "41.3131"; // a sleep length no other process on the machine uses
    ToolCommand command = sh("sleep " + marker + " & sleep " + marker + "; wait");
    leftover = start(command);
    ToolPidFile.of(leftover, command).orElseThrow().write(dir);
    awaitSleeps(marker, 2);

    try (PidFileToolLedger ledger = PidFileToolLedger.open(dir)) {
      assertThat(leftover.waitFor(5, TimeUnit.SECONDS)).as("the leftover tool was killed").isTrue();
      assertThat(sleeps(marker)).as("its children too").isEmpty();
      assertThat(ledger.stoppedLeftovers())
          .singleElement()
          .asString()
          .contains("killed sh -c sleep " + marker)
          .contains("(pid " + leftover.pid() + ")");
      assertThat(pidFiles()).isEmpty();
    }
  }

  @Test
  void neverKillsAProgramThatWasGivenTheRecordedPidLater() throws Exception {
    leftover = start(sh("sleep 30"));
    // The same pid, but a process that started at another time: the pid was reused.
    new ToolPidFile(leftover.pid(), "boot x tick 1", "/bin/sh", "sh -c sleep 30").write(dir);

    try (PidFileToolLedger ledger = PidFileToolLedger.open(dir)) {
      assertThat(leftover.isAlive()).isTrue();
      assertThat(ledger.stoppedLeftovers()).isEmpty();
      assertThat(pidFiles()).as("the stale pid file is gone").isEmpty();
    }
  }

  @Test
  void forgetsToolsThatHaveEndedMeanwhile() throws Exception {
    Process ended = start(sh("exit 0"));
    ToolPidFile file = new ToolPidFile(ended.pid(), "boot x tick 1", "/bin/sh", "sh -c exit 0");
    ended.waitFor();
    file.write(dir);

    try (PidFileToolLedger ledger = PidFileToolLedger.open(dir)) {
      assertThat(ledger.stoppedLeftovers()).isEmpty();
      assertThat(pidFiles()).isEmpty();
    }
  }

  @Test
  void refusesADirectoryAnotherLiveLedgerOwns() {
    try (PidFileToolLedger first = PidFileToolLedger.open(dir)) {
      Throwable thrown = catchThrowable(() -> PidFileToolLedger.open(dir));

      assertThat(thrown)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("the tool directory " + dir)
          .hasMessageContaining("in use by another running Lifeboat");
    }
    PidFileToolLedger.open(dir).close(); // free again once the owner let go
  }

  @Test
  void killsToolsStillRunningWhenClosed() throws Exception {
    PidFileToolLedger ledger = PidFileToolLedger.open(dir);
    leftover = start(sh("sleep 30"));
    ledger.track(leftover, sh("sleep 30"));

    ledger.close();

    assertThat(leftover.waitFor(5, TimeUnit.SECONDS)).isTrue();
  }

  private static ToolCommand sh(String script) {
    return new ToolCommand(SH, List.of("-c", script), Map.of());
  }

  private static Process start(ToolCommand command) throws Exception {
    return new ProcessBuilder(
            Stream.concat(Stream.of(command.executable().toString()), command.args().stream())
                .toList())
        .start();
  }

  private List<String> pidFiles() {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".pid")).toList();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String read(String pidFile) {
    try {
      return Files.readString(dir.resolve(pidFile));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static List<ProcessHandle> sleeps(String marker) {
    return ProcessHandle.allProcesses()
        .filter(ProcessHandle::isAlive)
        .filter(
            p ->
                p.info().command().map(c -> c.endsWith("sleep")).orElse(false)
                    && p.info().arguments().map(a -> List.of(a).contains(marker)).orElse(false))
        .toList();
  }

  private static void awaitSleeps(String marker, int count) {
    await(count + " sleep processes marked " + marker + " to start")
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> sleeps(marker).size() >= count);
  }
}
