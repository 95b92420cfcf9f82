package dev.lifeboat.activities.ssh;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real {@link RemoteShell} that also remembers every command it was given, so a test can check
 * what would have been visible on the host (the command line) and what was not (stdin).
 */
public final class RecordingRemoteShell implements RemoteShell {
  private final RemoteShell shell;
  private final List<RemoteCommand> commands = new CopyOnWriteArrayList<>();

  public RecordingRemoteShell(RemoteShell shell) {
    this.shell = shell;
  }

  @Override
  public RemoteResult run(SshHost host, RemoteCommand command, RemoteListener listener) {
    commands.add(command);
    return shell.run(host, command, listener);
  }

  public List<RemoteCommand> commands() {
    return List.copyOf(commands);
  }
}
