package dev.lifeboat.activities.restore;

import static dev.lifeboat.activities.HumanUnits.bytes;
import static dev.lifeboat.activities.HumanUnits.duration;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.postgres.DatabaseNames;
import dev.lifeboat.activities.postgres.DumpFormat;
import dev.lifeboat.activities.postgres.PgTools;
import dev.lifeboat.activities.postgres.PostgresServer;
import dev.lifeboat.activities.postgres.PostgresServers;
import dev.lifeboat.activities.postgres.Sha256;
import dev.lifeboat.activities.process.ToolListener;
import dev.lifeboat.activities.process.ToolProgress;
import dev.lifeboat.activities.process.ToolRun;
import dev.lifeboat.activities.process.ToolRunner;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * Restores a dump in one transaction and then stamps the database with the dump's digest. A retry
 * of the same dump into the same database finds the stamp and succeeds without restoring again; a
 * failed attempt rolls back completely, so the next one starts from where the first began. Archives
 * are restored with {@code --clean}, so an unstamped non-empty target is replaced object by object;
 * plain SQL cannot clean up after itself, so it is refused (non-retryable) for a non-empty target
 * rather than doubling data. Heartbeats {@link RestoreProgress} every two seconds while the tool
 * runs; on cancellation the tool is killed and the transaction dies with it.
 */
public final class RestoreDataActivityImpl implements RestoreDataActivity {
  private final PostgresServers servers;
  private final RestoreCommands commands;
  private final Clock clock;
  private final ToolRunner runner;

  public RestoreDataActivityImpl(PostgresServers servers, PgTools tools, Clock clock) {
    this(servers, tools, clock, ToolRunner.standard());
  }

  /** With a given runner, so tests can heartbeat faster than every two seconds. */
  RestoreDataActivityImpl(PostgresServers servers, PgTools tools, Clock clock, ToolRunner runner) {
    this.servers = servers;
    this.commands = new RestoreCommands(tools);
    this.clock = clock;
    this.runner = runner;
  }

  @Override
  public RestoreDataResult restoreData(RestoreDataRequest request) {
    ActivityExecutionContext activity = Activity.getExecutionContext();
    long started = clock.millis();
    PostgresServer server = findServer(request.server());
    String database = DatabaseNames.requireSafe(request.database());
    Path source = Path.of(request.source());
    if (!Files.exists(source)) {
      throw StepFailures.of(StepFailureType.BAD_INPUT, "dump not found: " + source);
    }
    DumpFormat format = format(source, request.format());
    RestoreStamp stamp = new RestoreStamp(digest(source));
    String tool = format.isArchive() ? "pg_restore" : "psql";
    String where = database + " on " + request.server();

    RestoreTarget target = new RestoreTarget(server, database);
    boolean created = target.ensureExists();
    boolean replacing = false;
    if (!created) {
      String comment = target.comment().orElse(null);
      if (stamp.matches(comment)) {
        return new RestoreDataResult(
            request.server(),
            database,
            false,
            false,
            tool,
            0,
            clock.millis() - started,
            where
                + " already holds this dump (sha256 "
                + stamp.dumpSha256().substring(0, 12)
                + "…, stamped by an earlier attempt); nothing restored");
      }
      int relations = target.userRelations();
      if (relations > 0 && !format.isArchive()) {
        throw StepFailures.of(
            StepFailureType.BAD_INPUT,
            where
                + " already holds "
                + relations
                + " tables, views or sequences"
                + (RestoreStamp.isStamp(comment) ? " from a restore of a different dump" : "")
                + "; a plain SQL dump cannot replace them and would double or mix data. Restore"
                + " into a new database, or drop this one first");
      }
      replacing = relations > 0;
    }

    ToolRun run =
        runner.run(commands.restore(format, source, server, database, stamp), heartbeats(activity));
    if (!run.succeeded()) {
      throw StepFailures.of(
          StepFailureType.TOOL_FAILED,
          tool
              + " exited with "
              + run.exitCode()
              + " restoring "
              + source
              + " into "
              + where
              + "; nothing was committed: "
              + run.stderrTail(5));
    }
    if (format.isArchive()) {
      // psql stamps inside the restore's own transaction; pg_restore cannot, so a crash right
      // here leaves an unstamped restore that a retry cleanly redoes.
      target.stamp(stamp);
    }
    long size = sizeOf(source);
    Duration took = Duration.ofMillis(clock.millis() - started);
    String summary =
        "restored "
            + format.label()
            + " dump "
            + source.getFileName()
            + " ("
            + bytes(size)
            + ") into "
            + where
            + " with "
            + tool
            + " in "
            + duration(took)
            + (created ? "; database created" : "")
            + (replacing ? "; existing objects replaced" : "");
    return new RestoreDataResult(
        request.server(), database, created, replacing, tool, size, took.toMillis(), summary);
  }

  private PostgresServer findServer(String name) {
    return servers
        .find(name)
        .orElseThrow(
            () ->
                StepFailures.of(
                    StepFailureType.BAD_INPUT,
                    "unknown server '"
                        + name
                        + "'; configured servers: "
                        + (servers.names().isEmpty()
                            ? "(none)"
                            : String.join(", ", servers.names()))));
  }

  private static DumpFormat format(Path source, RestoreFormat requested) {
    if (requested == RestoreFormat.PLAIN) {
      return DumpFormat.PLAIN;
    }
    DumpFormat detected = detect(source);
    if (requested == RestoreFormat.CUSTOM && !detected.isArchive()) {
      throw StepFailures.of(
          StepFailureType.BAD_INPUT,
          source + " is not a pg_dump archive (no PGDMP or tar header) but format is custom");
    }
    if (detected == DumpFormat.UNKNOWN) {
      throw StepFailures.of(
          StepFailureType.BAD_INPUT,
          "cannot tell the format of "
              + source
              + ": it is neither a pg_dump archive nor a pg_dump SQL script; set format: plain to"
              + " run it with psql anyway");
    }
    return detected;
  }

  private static DumpFormat detect(Path source) {
    try {
      return DumpFormat.detect(source);
    } catch (IOException e) {
      throw StepFailures.of(StepFailureType.BAD_INPUT, "cannot read " + source + ": " + e, e);
    }
  }

  private static String digest(Path source) {
    try {
      return Sha256.of(source);
    } catch (IOException e) {
      throw StepFailures.of(StepFailureType.BAD_INPUT, "cannot read " + source + ": " + e, e);
    }
  }

  private static long sizeOf(Path source) {
    try (var files = Files.walk(source)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    } catch (IOException e) {
      return 0; // only used for the report; the restore itself has succeeded
    }
  }

  /** Heartbeats progress; a cancelled activity's heartbeat throws, which kills the tool. */
  private static ToolListener heartbeats(ActivityExecutionContext activity) {
    return new ToolListener() {
      @Override
      public void onTick(ToolProgress p) {
        activity.heartbeat(
            new RestoreProgress(p.tool(), p.stdoutLines() + p.stderrLines(), p.elapsedMillis()));
      }
    };
  }
}
