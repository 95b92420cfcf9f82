package dev.lifeboat.activities.backup;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import dev.lifeboat.activities.postgres.PgTools;
import dev.lifeboat.activities.process.ToolRunner;
import dev.lifeboat.activities.ssh.HostShell;
import dev.lifeboat.activities.ssh.RemoteHosts;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Measures a backup on the worker's filesystem ({@link LocalBackupFile}) or on a configured host
 * ({@link RemoteBackupFile}) and judges both alike ({@link BackupVerdict}). Read-only. Heartbeats
 * while a tool reads the backup, here or on the host.
 */
public final class VerifyBackupActivityImpl implements VerifyBackupActivity {
  private final LocalBackupFile local;
  private final BackupVerdict verdict;
  private final RemoteHosts remote;

  /** Checks backups on the worker only; a request naming a host fails as an unknown host. */
  public VerifyBackupActivityImpl(Clock clock, PgTools tools) {
    this(clock, tools, RemoteHosts.none());
  }

  public VerifyBackupActivityImpl(Clock clock, PgTools tools, RemoteHosts remote) {
    this(clock, tools, remote, ToolRunner.standard());
  }

  /** With a runner that records the tools it runs, so a crash leaves none running unnoticed. */
  public VerifyBackupActivityImpl(
      Clock clock, PgTools tools, RemoteHosts remote, ToolRunner runner) {
    this.local = new LocalBackupFile(tools, runner);
    this.verdict = new BackupVerdict(clock);
    this.remote = remote;
  }

  @Override
  public VerifyBackupResult verifyBackup(VerifyBackupRequest request) {
    ActivityExecutionContext activity = Activity.getExecutionContext();
    if (request.host() != null) {
      HostShell shell = remote.forActivity(request.host(), activity, progress -> progress);
      return verdict.judge(
          RemoteBackupFile.inspect(shell, request.path(), request.depth()), request);
    }
    Path path = Path.of(request.path());
    try {
      return verdict.judge(
          local.inspect(path, request.depth(), progress -> activity.heartbeat(progress)), request);
    } catch (IOException e) {
      throw StepFailures.of(
          StepFailureType.CHECK_FAILED, "cannot read backup " + path + ": " + e.getMessage(), e);
    }
  }
}
