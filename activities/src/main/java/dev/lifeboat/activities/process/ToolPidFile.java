package dev.lifeboat.activities.process;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The pid file of one running tool: its pid, its {@link ProcessIdentity} (so a pid reused by
 * another program is never mistaken for it), and, for people reading the log, its executable and
 * its command line as it can safely be shown (arguments never hold secrets, see {@link
 * ToolCommand}).
 */
record ToolPidFile(long pid, String identity, String executable, String display) {
  static final String SUFFIX = ".pid";

  /** The file of a started tool; empty when the tool has already ended. */
  static Optional<ToolPidFile> of(Process process, ToolCommand command) {
    return ProcessIdentity.of(process.pid())
        .map(
            identity ->
                new ToolPidFile(
                    process.pid(), identity, command.executable().toString(), command.display()));
  }

  Path in(Path directory) {
    return directory.resolve(pid + SUFFIX);
  }

  /** Writes the file whole or not at all (a reader never sees half of it). */
  void write(Path directory) throws IOException {
    Properties properties = new Properties();
    properties.setProperty("pid", Long.toString(pid));
    properties.setProperty("identity", identity);
    properties.setProperty("executable", executable);
    properties.setProperty("command", display);
    StringWriter text = new StringWriter();
    properties.store(text, "a tool Lifeboat is running; removed when it ends");
    Path partial = directory.resolve(pid + SUFFIX + ".partial");
    Files.writeString(partial, text.toString(), StandardCharsets.UTF_8);
    Files.move(partial, in(directory), StandardCopyOption.ATOMIC_MOVE);
  }

  static ToolPidFile read(Path file) throws IOException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    try {
      return new ToolPidFile(
          Long.parseLong(properties.getProperty("pid", "")),
          properties.getProperty("identity", ""),
          properties.getProperty("executable", ""),
          properties.getProperty("command", ""));
    } catch (NumberFormatException e) {
      throw new IOException(file + " holds no pid", e);
    }
  }

  /**
   * Whether the live process {@code pid} is still this tool, not a later one given its pid. The
   * start is what decides, not the program: a tool may exec another (Debian's {@code pg_restore} is
   * a wrapper that execs the versioned binary), and its start stays the same.
   */
  boolean isStillRunning() {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent()
        && ProcessIdentity.of(pid).map(identity::equals).orElse(false);
  }
}
