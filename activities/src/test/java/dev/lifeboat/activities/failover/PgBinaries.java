package dev.lifeboat.activities.failover;

import dev.lifeboat.activities.ssh.ShellQuote;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs the PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup) for test clusters. They
 * refuse to run as root, so under root they run as the {@code postgres} user via {@code runuser},
 * and the directories they work in are handed to that user.
 */
final class PgBinaries {
  static final String OS_USER = "postgres";

  private final Path bin;
  private final boolean asPostgresUser;

  private PgBinaries(Path bin) {
    this.bin = bin;
    this.asPostgresUser = "root".equals(System.getProperty("user.name"));
  }

  /** The binaries in LIFEBOAT_PG_BIN, default {@code /usr/lib/postgresql/15/bin}. */
  static PgBinaries installed() {
    Path bin =
        Path.of(System.getenv().getOrDefault("LIFEBOAT_PG_BIN", "/usr/lib/postgresql/15/bin"));
    if (!Files.isExecutable(bin.resolve("initdb"))) {
      throw new IllegalStateException(
          "the streaming-pair tests need PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup)"
              + " in "
              + bin
              + "; install postgresql-15 or point LIFEBOAT_PG_BIN at them");
    }
    return new PgBinaries(bin);
  }

  /** The tool with its arguments, as the user the binaries run as. */
  List<String> command(String tool, String... args) {
    List<String> command = new ArrayList<>();
    if (asPostgresUser) {
      command.addAll(List.of("runuser", "-u", OS_USER, "--"));
    }
    command.add(bin.resolve(tool).toString());
    command.addAll(List.of(args));
    return command;
  }

  /** {@link #command} as one shell command line, every word quoted. */
  String commandLine(String tool, String... args) {
    return command(tool, args).stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
  }

  /** Makes {@code dir} usable by the user the binaries run as. */
  void handOver(Path dir) throws IOException {
    if (asPostgresUser) {
      UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
      Files.setOwner(dir, users.lookupPrincipalByName(OS_USER));
    }
  }

  /** Runs a tool; fails with its output when it exits non-zero. */
  void run(String tool, String... args) {
    String output = runQuietly(tool, args);
    if (output != null) {
      throw new IllegalStateException(tool + " failed while building the test pair:\n" + output);
    }
  }

  /** Runs a tool; null on success, else what it printed. */
  String runQuietly(String tool, String... args) {
    List<String> command = command(tool, args);
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return "timed out after 60s: " + output;
      }
      return p.exitValue() == 0 ? null : output;
    } catch (IOException e) {
      return "could not run " + command + ": " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }
}
