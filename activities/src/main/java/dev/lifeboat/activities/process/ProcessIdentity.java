package dev.lifeboat.activities.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What tells a process apart from a later one that was given the same pid. On Linux it is exact:
 * the boot's id and the process's start in clock ticks since boot ({@code /proc/<pid>/stat}, field
 * 22), so a pid reused after a reboot or a wrap-around never matches. Elsewhere it is the start
 * instant the JDK reports.
 */
public final class ProcessIdentity {
  private static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");

  private ProcessIdentity() {}

  /** The identity of the live process {@code pid}; empty when it is gone or cannot be read. */
  public static Optional<String> of(long pid) {
    Optional<String> exact = fromProc(pid);
    if (exact.isPresent()) {
      return exact;
    }
    return ProcessHandle.of(pid)
        .filter(ProcessHandle::isAlive)
        .flatMap(process -> process.info().startInstant())
        .map(start -> "started " + start);
  }

  private static Optional<String> fromProc(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      // "pid (command) state ppid …": the command may hold spaces and parentheses, so the fields
      // are counted from the last ')'; the first after it is field 3, so field 22 is index 19.
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
      return Optional.of("boot " + Files.readString(BOOT_ID).trim() + " tick " + fields[19]);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
