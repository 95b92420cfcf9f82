package dev.lifeboat.activities.restore;

import dev.lifeboat.activities.postgres.PgTools;
import dev.lifeboat.activities.postgres.PostgresServers;
import dev.lifeboat.activities.process.ToolRunner;
import dev.lifeboat.activities.ssh.RemoteHosts;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.time.Clock;

/**
 * Picks the restore a request asks for: a dump read on the worker ({@link WorkerDumps}) or on a
 * host ({@link HostDumps}) into a database ({@link DatabaseRestore}), or a tarball extracted into a
 * directory on a host ({@link TarballRestore}). Each heartbeats while its tool runs; on
 * cancellation the tool (local or remote) is killed, and a database restore's transaction dies with
 * it.
 */
public final class RestoreDataActivityImpl implements RestoreDataActivity {
  private final DatabaseRestore databases;
  private final TarballRestore tarballs;
  private final PgTools tools;
  private final ToolRunner runner;
  private final RemoteHosts remote;

  /** Restores dumps on the worker only; a request naming a host fails as an unknown host. */
  public RestoreDataActivityImpl(PostgresServers servers, PgTools tools, Clock clock) {
    this(servers, tools, clock, RemoteHosts.none());
  }

  public RestoreDataActivityImpl(
      PostgresServers servers, PgTools tools, Clock clock, RemoteHosts remote) {
    this(servers, tools, clock, remote, ToolRunner.standard());
  }

  /**
   * With a given runner: one that records its tools (so a crash leaves none running unnoticed), or
   * for tests one that heartbeats faster than every two seconds.
   */
  public RestoreDataActivityImpl(
      PostgresServers servers, PgTools tools, Clock clock, RemoteHosts remote, ToolRunner runner) {
    this.databases = new DatabaseRestore(servers, clock);
    this.tarballs = new TarballRestore(clock);
    this.tools = tools;
    this.runner = runner;
    this.remote = remote;
  }

  @Override
  public RestoreDataResult restoreData(RestoreDataRequest request) {
    ActivityExecutionContext activity = Activity.getExecutionContext();
    if (request.host() == null) {
      return databases.restore(request, new WorkerDumps(tools, runner, activity));
    }
    var shell = remote.forActivity(request.host(), activity, progress -> progress);
    return request.restoresFiles()
        ? tarballs.restore(request, shell)
        : databases.restore(request, new HostDumps(shell));
  }
}
