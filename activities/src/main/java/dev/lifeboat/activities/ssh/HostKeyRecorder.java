package dev.lifeboat.activities.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.UserInfo;
import dev.lifeboat.activities.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Wraps the known_hosts repository to remember the key the server presented, so a rejection can
 * name its fingerprint, and to make sure nothing is ever added to known_hosts.
 */
final class HostKeyRecorder implements HostKeyRepository {
  private final HostKeyRepository knownHosts;
  private volatile byte[] presented;

  HostKeyRecorder(HostKeyRepository knownHosts) {
    this.knownHosts = knownHosts;
  }

  @Override
  public int check(String host, byte[] key) {
    presented = key.clone();
    return knownHosts.check(host, key);
  }

  @Override
  public void add(HostKey hostkey, UserInfo ui) {
    // Trust is decided by whoever maintains known_hosts, never on first use.
  }

  @Override
  public void remove(String host, String type) {}

  @Override
  public void remove(String host, String type, byte[] key) {}

  @Override
  public String getKnownHostsRepositoryID() {
    return knownHosts.getKnownHostsRepositoryID();
  }

  @Override
  public HostKey[] getHostKey() {
    return knownHosts.getHostKey();
  }

  @Override
  public HostKey[] getHostKey(String host, String type) {
    return knownHosts.getHostKey(host, type);
  }

  /** {@code ssh-ed25519 SHA256:…} as OpenSSH prints it, or "an unseen key" before key exchange. */
  String presentedKey() {
    byte[] key = presented;
    if (key == null) {
      return "an unseen key";
    }
    return keyType(key) + " key " + fingerprint(key);
  }

  /** OpenSSH's fingerprint: {@code SHA256:} and the unpadded base64 of the key blob's digest. */
  static String fingerprint(byte[] keyBlob) {
    return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(Sha256.of(keyBlob));
  }

  /** The algorithm name a key blob starts with (an SSH string: length, then bytes). */
  private static String keyType(byte[] keyBlob) {
    ByteBuffer buffer = ByteBuffer.wrap(keyBlob);
    if (buffer.remaining() < 4) {
      return "unknown";
    }
    int length = buffer.getInt();
    if (length <= 0 || length > buffer.remaining() || length > 64) {
      return "unknown";
    }
    return new String(keyBlob, 4, length, StandardCharsets.US_ASCII);
  }
}
