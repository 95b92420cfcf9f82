package dev.lifeboat.activities.postgres;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.process.ToolCommand;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the PostgreSQL client tools are: a configured bin directory (when the worker must use a
 * particular major version), or else the directories of the worker's {@code PATH}.
 *
 * @param binDir the configured directory, or {@code null} to search {@code searchPath}
 * @param searchPath the {@code PATH} value to search when no directory is configured
 */
public record PgTools(Path binDir, String searchPath) {
  public PgTools {
    searchPath = searchPath == null ? "" : searchPath;
  }

  /** Tools in {@code binDir}, or on the worker's {@code PATH} when it is {@code null}. */
  public static PgTools in(Path binDir) {
    return new PgTools(binDir, System.getenv("PATH"));
  }

  public Path pgRestore() {
    return locate("pg_restore");
  }

  public Path psql() {
    return locate("psql");
  }

  public Path pgDump() {
    return locate("pg_dump");
  }

  /**
   * A command running {@code tool} against {@code server}: connection options as arguments, the
   * password only in the environment ({@code PGPASSWORD}), never on the command line.
   */
  public ToolCommand against(Path tool, PostgresServer server, List<String> args) {
    List<String> all = new ArrayList<>(connectionArgs(server));
    all.addAll(args);
    Map<String, String> env = new HashMap<>(CLIENT_ENVIRONMENT);
    // An empty password removes any PGPASSWORD the worker inherited; ~/.pgpass still applies.
    env.put("PGPASSWORD", server.password().isEmpty() ? null : server.password());
    return new ToolCommand(tool, all, env);
  }

  /** The environment every client tool runs with, besides the password. */
  public static final Map<String, String> CLIENT_ENVIRONMENT =
      Map.of("PGAPPNAME", "lifeboat", "PGCONNECT_TIMEOUT", "10");

  /** {@code -h HOST -p PORT -U USER}: where a client tool connects; never the password. */
  public static List<String> connectionArgs(PostgresServer server) {
    return List.of("-h", server.host(), "-p", String.valueOf(server.port()), "-U", server.user());
  }

  /** The executable named {@code tool}, or a BAD_CONFIG failure naming where it looked. */
  public Path locate(String tool) {
    List<Path> places = new ArrayList<>();
    if (binDir != null) {
      places.add(binDir);
    } else {
      for (String dir : searchPath.split(File.pathSeparator)) {
        if (!dir.isBlank()) {
          places.add(Path.of(dir));
        }
      }
    }
    for (Path dir : places) {
      Path candidate = dir.resolve(tool);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    String where =
        binDir != null
            ? "in the configured directory " + binDir
            : places.isEmpty() ? "on an empty PATH" : "on the PATH (" + searchPath + ")";
    throw StepFailures.of(
        StepFailureType.BAD_CONFIG,
        tool
            + " not found "
            + where
            + "; install the PostgreSQL client tools or configure their"
            + " bin directory");
  }
}
