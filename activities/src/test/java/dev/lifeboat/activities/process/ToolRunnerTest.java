package dev.lifeboat.activities.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolRunnerTest {
  private static final Path SH = Path.of("/bin/sh");
  private final ToolRunner runner = new ToolRunner(Duration.ofMillis(50), 1024);

  private static ToolCommand sh(String script, Map<String, String> env) {
    return new ToolCommand(SH, List.of("-c", script), env);
  }

  @Test
  void capturesBothStreamsAndTheExitCode() {
    ToolRun run = runner.run(sh("echo out; echo err >&2; exit 3", Map.of()), ToolListener.NONE);

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.stdout()).isEqualTo("out\n");
    assertThat(run.stderr()).isEqualTo("err\n");
    assertThat(run.tool()).isEqualTo("sh");
  }

  @Test
  void keepsOnlyTheNewestOutputBeyondTheCap() {
    ToolRun run = runner.run(sh("seq 1 10000", Map.of()), ToolListener.NONE);

    assertThat(run.stdoutLines()).isEqualTo(10000);
    assertThat(run.stdout()).startsWith("…").endsWith("9999\n10000\n");
    assertThat(run.stdout().length()).as("captured output must respect the cap").isLessThan(1100);
  }

  @Test
  void passesSecretsThroughTheEnvironmentAndCanRemoveInheritedOnes() {
    Map<String, String> env = new HashMap<>();
    env.put("PGPASSWORD", "s3cret");
    env.put("HOME", null);

    ToolRun run = runner.run(sh("echo \"$PGPASSWORD/${HOME:-none}\"", env), ToolListener.NONE);

    assertThat(run.stdout()).isEqualTo("s3cret/none\n");
  }

  @Test
  void killsTheToolAndItsChildrenWhenTheTickThrows() {
    String marker = "37.4242"; // a sleep length no other process on the machine will use
    ToolCommand command = sh("sleep " + marker + " & sleep " + marker + "; wait", Map.of());
    long started = System.nanoTime();

    Throwable thrown =
        catchThrowable(
            () ->
                runner.run(
                    command,
                    new ToolListener() {
                      @Override
                      public void onTick(ToolProgress progress) {
                        if (progress.elapsedMillis() > 200) {
                          throw new IllegalStateException("cancelled");
                        }
                      }
                    }));

    assertThat(thrown).hasMessage("cancelled");
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("the runner should not wait for the tool to finish")
        .isLessThan(Duration.ofSeconds(10));
    assertThat(ProcessHandle.allProcesses())
        .as("neither the shell nor its background sleep may survive")
        .noneMatch(
            p ->
                p.isAlive()
                    && p.info()
                        .arguments()
                        .map(a -> String.join(" ", a).contains(marker))
                        .orElse(false));
  }

  @Test
  void failsAsBadConfigWhenTheProgramCannotStart() {
    ToolCommand command = new ToolCommand(Path.of("/nonexistent/pg_restore"), List.of(), Map.of());

    Throwable thrown = catchThrowable(() -> runner.run(command, ToolListener.NONE));

    assertThat(thrown).hasMessageContaining("cannot start /nonexistent/pg_restore");
  }

  @Test
  void prefersErrorLinesWhenShowingTheTailOfStandardError() {
    ToolRun run =
        runner.run(
            sh(
                "echo 'pg_restore: creating TABLE a' >&2; echo 'pg_restore: error: boom' >&2;"
                    + " echo 'pg_restore: warning: errors ignored' >&2; exit 1",
                Map.of()),
            ToolListener.NONE);

    assertThat(run.stderrTail(5)).isEqualTo("pg_restore: error: boom");
  }
}
