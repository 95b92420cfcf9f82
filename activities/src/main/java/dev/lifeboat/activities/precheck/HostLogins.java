package dev.lifeboat.activities.precheck;

import dev.lifeboat.activities.ssh.JschRemoteShell;
import dev.lifeboat.activities.ssh.SshHost;
import dev.lifeboat.activities.ssh.SshHosts;
import io.temporal.failure.ApplicationFailure;

/**
 * Logs in to a step's hosts as the step would (strict host key, key login) and runs nothing. A
 * rotated host key fails naming the key's fingerprint, as the step itself would.
 */
final class HostLogins {
  private final SshHosts hosts;
  private final JschRemoteShell shell;

  HostLogins(SshHosts hosts, JschRemoteShell shell) {
    this.hosts = hosts;
    this.shell = shell;
  }

  CheckLine check(String stepId, String name) {
    String check = "ssh " + name;
    try {
      SshHost host = hosts.require(name);
      shell.login(host);
      return CheckLine.ok(
          stepId,
          check,
          "host key matches " + host.knownHostsFile() + ", login as " + host.user() + " ok");
    } catch (ApplicationFailure failure) {
      return CheckLine.fail(stepId, check, failure.getOriginalMessage());
    }
  }
}
