package dev.lifeboat.app.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL still running on the embedded data directory although no Lifeboat owns it: the
 * Lifeboat that started it was killed (SIGKILL, OOM killer) and never stopped it. Left alone it
 * would be silently reused, with whatever it was doing and the settings it was started with. Found
 * by the directory's {@code postmaster.pid}, checked to be that very PostgreSQL (a {@code postgres}
 * process that started when the file says), and stopped with a fast shutdown: sessions end, open
 * transactions roll back, a checkpoint is written; nothing is lost that was committed.
 *
 * <p>Only call this while holding the directory's {@link
 * dev.lifeboat.activities.process.OwnerLock}: that is what proves no live Lifeboat is using the
 * server.
 */
final class LeftoverPostmaster {
  private static final Logger LOG = LoggerFactory.getLogger(LeftoverPostmaster.class);

  /** How far apart the process's start and the time in postmaster.pid may be (whole seconds). */
  private static final Duration SAME_START = Duration.ofSeconds(2);

  static final Duration STOP_WAIT = Duration.ofSeconds(60);

  private LeftoverPostmaster() {}

  /** Stops the leftover server on {@code dataDirectory}, if there is one. */
  static void stopIfAny(Path dataDirectory) {
    running(dataDirectory).ifPresent(postmaster -> stop(postmaster, dataDirectory));
  }

  /**
   * The PostgreSQL running on {@code dataDirectory} by its {@code postmaster.pid}, checked to be
   * that very process; empty when none runs (a stale file naming another program is removed).
   */
  static Optional<ProcessHandle> running(Path dataDirectory) {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return Optional.empty();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(pidFile);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + pidFile + ": " + e.getMessage(), e);
    }
    Optional<Long> pid = number(lines, 0);
    Optional<Long> startedEpoch = number(lines, 2);
    if (pid.isEmpty() || startedEpoch.isEmpty()) {
      return Optional.empty(); // half-written: PostgreSQL decides what to do with it
    }
    Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
    if (process.isEmpty()) {
      LOG.info(
          "the PostgreSQL (pid {}) last running on {} is gone; it will recover from its log",
          pid.get(),
          dataDirectory);
      return Optional.empty();
    }
    if (!isThePostmaster(process.get(), Instant.ofEpochSecond(startedEpoch.get()))) {
      // The pid belongs to another program now (typically after a reboot). PostgreSQL would refuse
      // to start while that program lives; the file is stale, so it goes.
      LOG.warn(
          "{} names pid {}, which is now another program ({}); the PostgreSQL that wrote it is"
              + " gone, so the stale file is removed and that program left alone",
          pidFile,
          pid.get(),
          process.get().info().command().orElse("unknown"));
      delete(pidFile);
      return Optional.empty();
    }
    return process;
  }

  /**
   * Waits for a PostgreSQL that was asked to stop to be gone. zonky's own stop gives up after a few
   * seconds, and a shutdown checkpoint with fsync on can take longer than that on a busy machine;
   * returning earlier would let the JVM exit while the server still runs. Asks again (fast
   * shutdown) when it is still there.
   */
  static void awaitStopped(ProcessHandle postmaster, Path dataDirectory) {
    if (!postmaster.isAlive()) {
      return;
    }
    try {
      fastShutdown(postmaster.pid());
    } catch (IllegalStateException e) {
      if (!postmaster.isAlive()) {
        return; // it finished between the check and the signal
      }
      throw e;
    }
    try {
      postmaster.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.error(
          "the embedded PostgreSQL (pid {}) on {} did not stop within {}s; the next start will"
              + " stop it",
          postmaster.pid(),
          dataDirectory,
          STOP_WAIT.toSeconds());
    }
  }

  private static boolean isThePostmaster(ProcessHandle process, Instant recordedStart) {
    boolean postgres =
        process.info().command().map(c -> Path.of(c).getFileName().toString()).stream()
            .anyMatch("postgres"::equals);
    return postgres
        && process
            .info()
            .startInstant()
            .map(start -> Duration.between(recordedStart, start).abs().compareTo(SAME_START) <= 0)
            .orElse(false);
  }

  private static void stop(ProcessHandle postmaster, Path dataDirectory) {
    LOG.warn(
        "found PostgreSQL (pid {}) still running on {}, left by a Lifeboat that did not stop"
            + " cleanly; stopping it (fast shutdown) before starting afresh",
        postmaster.pid(),
        dataDirectory);
    fastShutdown(postmaster.pid());
    try {
      postmaster.onExit().get(STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping a leftover PostgreSQL", e);
    } catch (Exception e) {
      throw new IllegalStateException(
          "the PostgreSQL (pid "
              + postmaster.pid()
              + ") left running on "
              + dataDirectory
              + " did not stop within "
              + STOP_WAIT.toSeconds()
              + "s of a fast shutdown request; stop it (kill -INT "
              + postmaster.pid()
              + ") and start Lifeboat again",
          e);
    }
    LOG.info(
        "stopped the leftover PostgreSQL (pid {}) cleanly; its data directory is ready",
        postmaster.pid());
  }

  /**
   * SIGINT is PostgreSQL's fast shutdown. Java cannot send it, so the shell's built-in kill does
   * (the shell is always there; a separate kill program is not on every minimal system).
   */
  private static void fastShutdown(long pid) {
    try {
      Process kill =
          new ProcessBuilder("/bin/sh", "-c", "kill -INT \"$1\"", "sh", Long.toString(pid))
              .redirectErrorStream(true)
              .start();
      String output = new String(kill.getInputStream().readAllBytes());
      if (kill.waitFor() != 0) {
        throw new IllegalStateException(
            "could not ask PostgreSQL (pid " + pid + ") to shut down: " + output.trim());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not run /bin/sh to signal PostgreSQL", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while signalling PostgreSQL", e);
    }
  }

  private static Optional<Long> number(List<String> lines, int index) {
    try {
      return Optional.of(Long.parseLong(lines.get(index).trim()));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the stale " + file + ": " + e.getMessage(), e);
    }
  }
}
