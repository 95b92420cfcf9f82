package dev.lifeboat.app.chain;

import dev.lifeboat.activities.Sha256;

/**
 * A link of a hash chain: SHA-256 (lower-case hex) of the previous link's hash followed by the
 * record's canonical content ({@link ChainContent}), both as UTF-8. A run's chain starts from the
 * hash of its identity; the audit and run-action chains start from {@link #ORIGIN}.
 */
public final class ChainHash {
  /** The predecessor of the first audit event and of the first run action. */
  public static final String ORIGIN = "0".repeat(64);

  private ChainHash() {}

  public static String next(String previous, String content) {
    return Sha256.hex(previous + content);
  }

  /** The predecessor of a run's first event: the hash of the run's identity. */
  public static String runOrigin(String runIdentity) {
    return Sha256.hex(runIdentity);
  }
}
