package dev.lifeboat.activities.restore;

import dev.lifeboat.activities.postgres.PgTools;
import dev.lifeboat.activities.postgres.PostgresServer;
import dev.lifeboat.activities.process.ToolListener;
import dev.lifeboat.activities.process.ToolProgress;
import dev.lifeboat.activities.process.ToolRun;
import dev.lifeboat.activities.process.ToolRunner;
import io.temporal.activity.ActivityExecutionContext;
import java.nio.file.Path;

/**
 * Dumps on the worker's filesystem, restored by the worker's client tools. The password travels in
 * the tool's environment, never its arguments. Heartbeats {@link RestoreProgress} every tick; a
 * cancelled activity's heartbeat throws, which kills the tool.
 */
final class WorkerDumps implements DumpRestorer {
  private final PgTools tools;
  private final ToolRunner runner;
  private final ActivityExecutionContext activity;

  WorkerDumps(PgTools tools, ToolRunner runner, ActivityExecutionContext activity) {
    this.tools = tools;
    this.runner = runner;
    this.activity = activity;
  }

  @Override
  public RestoreSource inspect(String path, RestoreFormat requested) {
    return RestoreSource.inspect(Path.of(path), requested);
  }

  @Override
  public ToolOutcome run(RestoreCommand command, PostgresServer server) {
    ToolRun run =
        runner.run(
            tools.against(tools.locate(command.tool()), server, command.args()),
            new ToolListener() {
              @Override
              public void onTick(ToolProgress p) {
                activity.heartbeat(
                    new RestoreProgress(
                        p.tool(), p.stdoutLines() + p.stderrLines(), p.elapsedMillis()));
              }
            });
    return new ToolOutcome(run.succeeded(), "exited with " + run.exitCode(), run.stderrTail(5));
  }
}
