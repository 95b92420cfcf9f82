package dev.lifeboat.activities.ssh;

import com.jcraft.jsch.JSchChangedHostKeyException;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.JSchHostKeyException;
import com.jcraft.jsch.JSchUnknownHostKeyException;
import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;

/**
 * Turns JSch's connect exceptions into typed failures. Host-key and authentication problems are
 * {@code BAD_CONFIG} (retrying cannot fix them, a person must); everything else, from connection
 * refused to a reset mid-handshake, is {@code UNAVAILABLE}.
 */
final class SshConnectFailures {
  private SshConnectFailures() {}

  static ApplicationFailure of(SshHost host, HostKeyRecorder hostKeys, JSchException e) {
    String who = "host " + host.name() + " (" + host.target() + ")";
    if (e instanceof JSchUnknownHostKeyException) {
      return StepFailures.of(
          StepFailureType.BAD_CONFIG,
          who
              + " presented an unknown "
              + hostKeys.presentedKey()
              + ", which is not in "
              + host.knownHostsFile()
              + "; check the fingerprint with the host's owner, then add"
              + " the key to known_hosts");
    }
    if (e instanceof JSchChangedHostKeyException
        || e instanceof JSchHostKeyException
        || String.valueOf(e.getMessage()).contains("HostKey")) {
      return StepFailures.of(
          StepFailureType.BAD_CONFIG,
          who
              + " presented "
              + hostKeys.presentedKey()
              + ", which does NOT match its entry in "
              + host.knownHostsFile()
              + " (reinstalled host or someone in between); refusing to"
              + " connect");
    }
    String message = String.valueOf(e.getMessage());
    if (message.startsWith("Auth fail") || message.startsWith("Auth cancel")) {
      return StepFailures.of(
          StepFailureType.BAD_CONFIG,
          who + ": login as " + host.user() + " with key " + host.keyFile() + " was refused");
    }
    if (message.contains("Algorithm negotiation fail")) {
      return StepFailures.of(StepFailureType.BAD_CONFIG, who + ": " + message);
    }
    Throwable cause = e.getCause() == null ? e : e.getCause();
    String reason = cause instanceof IOException ? cause.toString() : message;
    return StepFailures.of(StepFailureType.UNAVAILABLE, who + " is not reachable: " + reason, e);
  }
}
