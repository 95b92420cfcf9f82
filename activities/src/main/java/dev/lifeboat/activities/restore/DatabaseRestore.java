package dev.lifeboat.activities.restore;

import static dev.lifeboat.activities.HumanUnits.bytes;
import static dev.lifeboat.activities.HumanUnits.duration;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.postgres.DatabaseNames;
import dev.lifeboat.activities.postgres.PostgresServer;
import dev.lifeboat.activities.postgres.PostgresServers;
import java.time.Clock;
import java.time.Duration;

/**
 * Restores a dump in one transaction and then stamps the database with the dump's digest, wherever
 * the dump is read ({@link DumpRestorer}); the database is always inspected and stamped over JDBC
 * from the worker. A retry of the same dump into the same database finds the stamp and succeeds
 * without restoring again; a failed attempt rolls back completely, so the next one starts from
 * where the first began; a failure the next attempt would meet again (a damaged dump, bad SQL, a
 * missing grant: {@link ToolErrors}) is not retried. Archives are restored with {@code --clean}, so
 * an unstamped non-empty target is replaced object by object; plain SQL cannot clean up after
 * itself, so it is refused (non-retryable) for a non-empty target rather than doubling data.
 */
final class DatabaseRestore {
  private final PostgresServers servers;
  private final Clock clock;

  DatabaseRestore(PostgresServers servers, Clock clock) {
    this.servers = servers;
    this.clock = clock;
  }

  RestoreDataResult restore(RestoreDataRequest request, DumpRestorer dumps) {
    long started = clock.millis();
    PostgresServer server = findServer(request.server());
    String database = DatabaseNames.requireSafe(request.database());
    RestoreSource source = dumps.inspect(request.source(), request.format());
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

    DumpRestorer.ToolOutcome run = dumps.run(RestoreCommand.of(source, database), server);
    if (!run.succeeded()) {
      String message =
          tool
              + " "
              + run.howItEnded()
              + " restoring "
              + source.location()
              + " into "
              + where
              + "; nothing was committed: "
              + run.errors();
      throw ToolErrors.retryCannotFix(run.errors())
          ? StepFailures.permanent(StepFailureType.TOOL_FAILED, message)
          : StepFailures.of(StepFailureType.TOOL_FAILED, message);
    }
    if (source.format().isArchive()) {
      // psql stamps inside the restore's own transaction; pg_restore cannot, so a crash right
      // here leaves an unstamped restore that a retry cleanly redoes.
      target.stamp(stamp);
    }
    Duration took = Duration.ofMillis(clock.millis() - started);
    String summary =
        "restored "
            + source.format().label()
            + " dump "
            + source.fileName()
            + (request.host() == null ? "" : " on host " + request.host())
            + " ("
            + bytes(source.sizeBytes())
            + ") into "
            + where
            + " with "
            + tool
            + " in "
            + duration(took)
            + (created ? "; database created" : "")
            + (replacing ? "; existing objects replaced" : "");
    return new RestoreDataResult(
        request.server(),
        database,
        created,
        replacing,
        tool,
        source.sizeBytes(),
        took.toMillis(),
        summary);
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
}
