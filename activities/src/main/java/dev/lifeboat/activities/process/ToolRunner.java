package dev.lifeboat.activities.process;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs an external tool to completion, capturing its output (capped), calling back periodically so
 * the caller can heartbeat, and killing the tool together with every process it started when the
 * callback throws or the calling thread is interrupted. A killed tool must not keep writing to a
 * database after Temporal has given the step to another attempt.
 */
public final class ToolRunner {
  private final Duration tickInterval;
  private final int captureLimitChars;
  private final ToolLedger ledger;

  /**
   * @param tickInterval how often {@link ToolListener#onTick} is called while the tool runs
   * @param captureLimitChars how much of each output stream is kept (the newest part)
   */
  public ToolRunner(Duration tickInterval, int captureLimitChars) {
    this(tickInterval, captureLimitChars, ToolLedger.NONE);
  }

  /**
   * @param ledger where each tool is recorded while it runs, so a crash of this process cannot
   *     leave it running unnoticed
   */
  public ToolRunner(Duration tickInterval, int captureLimitChars, ToolLedger ledger) {
    if (tickInterval.isNegative() || tickInterval.isZero()) {
      throw new IllegalArgumentException("tickInterval must be positive");
    }
    this.tickInterval = tickInterval;
    this.captureLimitChars = captureLimitChars;
    this.ledger = ledger;
  }

  /** Two-second ticks (heartbeats) and 256 KiB of each stream; tools are not recorded. */
  public static ToolRunner standard() {
    return standard(ToolLedger.NONE);
  }

  /** The standard runner, recording each tool in {@code ledger} while it runs. */
  public static ToolRunner standard(ToolLedger ledger) {
    return new ToolRunner(Duration.ofSeconds(2), 256 * 1024, ledger);
  }

  public ToolRun run(ToolCommand command, ToolListener listener) {
    long started = System.nanoTime();
    Process process = start(command);
    try (ToolLedger.Entry recorded = record(process, command)) {
      return await(command, process, started, listener);
    }
  }

  private ToolLedger.Entry record(Process process, ToolCommand command) {
    try {
      return ledger.track(process, command);
    } catch (RuntimeException e) {
      killTree(process); // a tool nobody keeps account of could outlive a crash unnoticed
      throw e;
    }
  }

  private ToolRun await(ToolCommand command, Process process, long started, ToolListener listener) {
    TailBuffer stdout = new TailBuffer(captureLimitChars);
    TailBuffer stderr = new TailBuffer(captureLimitChars);
    List<Thread> readers = new ArrayList<>();
    readers.add(
        read(command.name() + "-stdout", process.getInputStream(), stdout, listener::onStdoutLine));
    readers.add(
        read(command.name() + "-stderr", process.getErrorStream(), stderr, listener::onStderrLine));
    try {
      while (!process.waitFor(tickInterval.toMillis(), TimeUnit.MILLISECONDS)) {
        listener.onTick(
            new ToolProgress(command.name(), stdout.lines(), stderr.lines(), millisSince(started)));
      }
      for (Thread reader : readers) {
        reader.join(5_000); // a grandchild holding the pipe must not hang the step
      }
    } catch (InterruptedException e) {
      killTree(process);
      Thread.currentThread().interrupt();
      throw StepFailures.of(
          StepFailureType.UNAVAILABLE, command.name() + " was interrupted and has been killed", e);
    } catch (RuntimeException | Error e) {
      killTree(process);
      throw e;
    }
    return new ToolRun(
        command.name(),
        process.exitValue(),
        stdout.text(),
        stderr.text(),
        stdout.lines(),
        stderr.lines(),
        millisSince(started));
  }

  private static Process start(ToolCommand command) {
    List<String> line = new ArrayList<>();
    line.add(command.executable().toString());
    line.addAll(command.args());
    ProcessBuilder builder = new ProcessBuilder(line);
    Map<String, String> env = builder.environment();
    command
        .env()
        .forEach(
            (k, v) -> {
              if (v == null) {
                env.remove(k);
              } else {
                env.put(k, v);
              }
            });
    try {
      Process process = builder.start();
      process.getOutputStream().close(); // tools must never wait for input
      return process;
    } catch (IOException e) {
      throw StepFailures.of(
          StepFailureType.BAD_CONFIG,
          "cannot start " + command.executable() + ": " + e.getMessage(),
          e);
    }
  }

  private static Thread read(String name, InputStream in, TailBuffer into, Consumer<String> each) {
    Thread thread =
        new Thread(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                  into.appendLine(line);
                  each.accept(line);
                }
              } catch (IOException e) {
                // The stream closes when the process is killed; nothing more to read.
              } catch (UncheckedIOException e) {
                // Same, from a listener.
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** Kills the process and all its descendants, children first, and waits briefly for it to die. */
  static void killTree(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static long millisSince(long startedNanos) {
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
  }
}
