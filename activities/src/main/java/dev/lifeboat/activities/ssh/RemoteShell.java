package dev.lifeboat.activities.ssh;

/**
 * Runs commands on remote hosts. Every implementation promises:
 *
 * <ul>
 *   <li><b>Strict host keys.</b> The host's key must already be in the host's known_hosts file. An
 *       unknown or changed key is a non-retryable {@code BAD_CONFIG} failure naming the host and
 *       the key's {@code SHA256:} fingerprint; nothing is ever added to known_hosts.
 *   <li><b>Bounded connecting.</b> A host that does not answer is retried a few times within the
 *       connect timeout, then reported as a retryable {@code UNAVAILABLE} failure naming {@code
 *       host:port}. Authentication problems are {@code BAD_CONFIG}.
 *   <li><b>No orphans.</b> When the command outlives its timeout, when the listener throws, or when
 *       the calling thread is interrupted, the remote command and everything it started are killed
 *       before {@code run} returns. A timeout is a retryable {@code UNAVAILABLE} failure saying so.
 *   <li><b>Bounded output.</b> Each stream keeps its head and tail up to the command's cap and
 *       counts the bytes left out.
 *   <li><b>No leaked secrets.</b> A key passphrase is resolved only while connecting and never
 *       appears in a message.
 * </ul>
 *
 * A command that runs and exits non-zero is a {@link RemoteResult}, not a failure.
 */
public interface RemoteShell {
  RemoteResult run(SshHost host, RemoteCommand command, RemoteListener listener);
}
