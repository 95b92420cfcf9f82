package dev.lifeboat.activities.restore;

import static dev.lifeboat.activities.HumanUnits.bytes;
import static dev.lifeboat.activities.HumanUnits.duration;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.postgres.DatabaseNames;
import dev.lifeboat.activities.postgres.PgTools;
import dev.lifeboat.activities.postgres.PostgresServer;
import dev.lifeboat.activities.postgres.PostgresServers;
import dev.lifeboat.activities.process.ToolListener;
import dev.lifeboat.activities.process.ToolProgress;
import dev.lifeboat.activities.process.ToolRun;
import dev.lifeboat.activities.process.ToolRunner;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
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
    RestoreSource source = RestoreSource.inspect(Path.of(request.source()), request.format());
    RestoreStamp stamp = source.stamp();
    String tool = source.tool();
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
      if (relations > 0 && !source.format().isArchive()) {
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

    ToolRun run = runner.run(commands.restore(source, server, database), heartbeats(activity));
    if (!run.succeeded()) {
      throw StepFailures.of(
          StepFailureType.TOOL_FAILED,
          tool
              + " exited with "
              + run.exitCode()
              + " restoring "
              + source.path()
              + " into "
              + where
              + "; nothing was committed: "
              + run.stderrTail(5));
    }
    if (source.format().isArchive()) {
      // psql stamps inside the restore's own transaction; pg_restore cannot, so a crash right
      // here leaves an unstamped restore that a retry cleanly redoes.
      target.stamp(stamp);
    }
    long size = source.sizeBytes();
    Duration took = Duration.ofMillis(clock.millis() - started);
    String summary =
        "restored "
            + source.format().label()
            + " dump "
            + source.path().getFileName()
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
