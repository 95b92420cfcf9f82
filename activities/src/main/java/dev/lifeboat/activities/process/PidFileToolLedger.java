package dev.lifeboat.activities.process;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link ToolLedger} kept as one pid file per running tool in a directory this process owns
 * ({@link OwnerLock}). Opening it stops every tool a previous owner left running, after checking
 * that the pid still belongs to that tool (same start, same executable): a pid the system has since
 * given to another program is never touched. Closing it kills what is still running, so even a
 * clean stop leaves no tool behind.
 */
public final class PidFileToolLedger implements ToolLedger, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PidFileToolLedger.class);
  private static final String LOCK_FILE = "owner.lock";

  private final Path directory;
  private final OwnerLock lock;
  private final Map<Long, Running> running = new ConcurrentHashMap<>();
  private final List<String> stoppedLeftovers;

  private PidFileToolLedger(Path directory, OwnerLock lock) {
    this.directory = directory;
    this.lock = lock;
    this.stoppedLeftovers = stopLeftovers();
  }

  /**
   * Takes ownership of {@code directory} (created if missing; fails if another live process owns
   * it) and stops the tools its previous owner left running.
   */
  public static PidFileToolLedger open(Path directory) {
    Path absolute = directory.toAbsolutePath().normalize();
    try {
      Files.createDirectories(absolute);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + absolute + ": " + e.getMessage(), e);
    }
    OwnerLock lock =
        OwnerLock.acquire(absolute.resolve(LOCK_FILE), "the tool directory " + absolute);
    try {
      return new PidFileToolLedger(absolute, lock);
    } catch (RuntimeException e) {
      lock.close();
      throw e;
    }
  }

  /** The leftover tools this ledger stopped when it was opened, as the log told them. */
  public List<String> stoppedLeftovers() {
    return stoppedLeftovers;
  }

  @Override
  public Entry track(Process process, ToolCommand command) {
    Optional<ToolPidFile> file = ToolPidFile.of(process, command);
    if (file.isEmpty()) {
      return () -> {}; // it has already ended: nothing can be left behind
    }
    try {
      file.get().write(directory);
    } catch (IOException e) {
      throw StepFailures.of(
          StepFailureType.UNAVAILABLE,
          "cannot record "
              + command.name()
              + " in "
              + directory
              + " (so a crash could leave it running): "
              + e.getMessage(),
          e);
    }
    running.put(process.pid(), new Running(process, command.name()));
    return () -> {
      running.remove(process.pid());
      deleteQuietly(file.get().in(directory));
    };
  }

  /** Kills the tools still running (their steps are abandoned either way) and lets go. */
  @Override
  public void close() {
    for (Running tool : running.values()) {
      if (tool.process().isAlive()) {
        LOG.warn("stopping: killing {} (pid {}), still running", tool.name(), tool.process().pid());
        ToolRunner.killTree(tool.process());
      }
    }
    lock.close();
  }

  private record Running(Process process, String name) {}

  private List<String> stopLeftovers() {
    List<String> stopped = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.pid")) {
      for (Path file : files) {
        stopLeftover(file).ifPresent(stopped::add);
        deleteQuietly(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + directory + ": " + e.getMessage(), e);
    }
    return List.copyOf(stopped);
  }

  private static Optional<String> stopLeftover(Path file) {
    ToolPidFile tool;
    try {
      tool = ToolPidFile.read(file);
    } catch (IOException e) {
      LOG.warn("ignoring unreadable pid file {}: {}", file, e.getMessage());
      return Optional.empty();
    }
    if (!tool.isStillRunning()) {
      LOG.info(
          "{} (pid {}) recorded in {} is no longer running; nothing to stop",
          tool.executable(),
          tool.pid(),
          file);
      return Optional.empty();
    }
    ProcessHandle process = ProcessHandle.of(tool.pid()).orElseThrow();
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.onExit().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("{} (pid {}) did not exit within 5s of SIGKILL", tool.executable(), tool.pid());
    }
    String told =
        "killed "
            + tool.display()
            + " (pid "
            + tool.pid()
            + "), left running by a Lifeboat that stopped without cleaning up";
    LOG.warn(told);
    return Optional.of(told);
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("cannot delete {}: {}", file, e.getMessage());
    }
  }
}
