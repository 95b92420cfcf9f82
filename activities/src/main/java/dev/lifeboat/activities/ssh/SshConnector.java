package dev.lifeboat.activities.ssh;

import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.KeyPair;
import com.jcraft.jsch.Session;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;

/**
 * Opens an authenticated JSch session with strict host-key checking, retrying a host that does not
 * answer a bounded number of times, and turns every way of failing into a typed failure.
 */
final class SshConnector {
  private final SshSettings settings;
  private final Map<String, String> env;

  /**
   * @param env the environment {@code env:} passphrase references are read from
   */
  SshConnector(SshSettings settings, Map<String, String> env) {
    this.settings = settings;
    this.env = Map.copyOf(env);
  }

  Session connect(SshHost host) {
    for (int attempt = 1; ; attempt++) {
      try {
        return connectOnce(host);
      } catch (ApplicationFailure failure) {
        boolean retryable = StepFailureType.UNAVAILABLE.type().equals(failure.getType());
        if (!retryable || attempt >= settings.connectAttempts()) {
          throw attempt == 1 || !retryable
              ? failure
              : StepFailures.of(
                  StepFailureType.UNAVAILABLE,
                  failure.getOriginalMessage() + " (gave up after " + attempt + " attempts)",
                  failure.getCause());
        }
        pause();
      }
    }
  }

  private Session connectOnce(SshHost host) {
    JSch jsch = new JSch(); // per connection: identities and known hosts never leak across hosts
    HostKeyRecorder hostKeys = new HostKeyRecorder(knownHosts(jsch, host));
    addIdentity(jsch, host);
    Session session = null;
    try {
      session = jsch.getSession(host.user(), host.address(), host.port());
      session.setHostKeyRepository(hostKeys);
      session.setConfig("StrictHostKeyChecking", "yes");
      session.setConfig("PreferredAuthentications", "publickey");
      session.setServerAliveInterval((int) settings.connectTimeout().toMillis());
      session.connect((int) settings.connectTimeout().toMillis());
      return session;
    } catch (JSchException e) {
      if (session != null) {
        session.disconnect();
      }
      throw SshConnectFailures.of(host, hostKeys, e);
    }
  }

  private static com.jcraft.jsch.HostKeyRepository knownHosts(JSch jsch, SshHost host) {
    if (!Files.isReadable(host.knownHostsFile())) {
      throw StepFailures.of(
          StepFailureType.BAD_CONFIG,
          "host "
              + host.name()
              + ": known_hosts file "
              + host.knownHostsFile()
              + " is not readable");
    }
    try {
      jsch.setKnownHosts(host.knownHostsFile().toString());
      return jsch.getHostKeyRepository();
    } catch (JSchException e) {
      throw StepFailures.of(
          StepFailureType.BAD_CONFIG,
          "host " + host.name() + ": cannot read " + host.knownHostsFile() + ": " + e.getMessage());
    }
  }

  /** Loads the key, unlocking it first so a wrong passphrase is named as such, not "auth fail". */
  private void addIdentity(JSch jsch, SshHost host) {
    String keyFile = host.keyFile().toString();
    byte[] passphrase = host.passphrase() == null ? null : host.passphrase().resolve(env);
    try {
      KeyPair key = KeyPair.load(jsch, keyFile);
      try {
        if (key.isEncrypted() && passphrase == null) {
          throw badKey(host, "is passphrase-protected but the host has no passphrase reference");
        }
        if (key.isEncrypted() && !key.decrypt(passphrase)) {
          throw badKey(host, "cannot be unlocked with the passphrase from " + host.passphrase());
        }
      } finally {
        key.dispose();
      }
      jsch.addIdentity(keyFile, passphrase); // JSch copies the passphrase and clears its copy
    } catch (JSchException e) {
      // JSch's messages name the file and the problem, never the passphrase.
      throw badKey(host, "cannot be used: " + e.getMessage());
    } finally {
      if (passphrase != null) {
        Arrays.fill(passphrase, (byte) 0);
      }
    }
  }

  private static ApplicationFailure badKey(SshHost host, String problem) {
    return StepFailures.of(
        StepFailureType.BAD_CONFIG,
        "host " + host.name() + ": key file " + host.keyFile() + " " + problem);
  }

  private void pause() {
    try {
      Thread.sleep(settings.retryBackoff().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw StepFailures.of(StepFailureType.UNAVAILABLE, "interrupted while connecting", e);
    }
  }
}
