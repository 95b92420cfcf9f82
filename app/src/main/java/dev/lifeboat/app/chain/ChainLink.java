package dev.lifeboat.app.chain;

/**
 * One stored record of a chain as read back: its sequence number, the hashes stored with it ({@code
 * null} for a record written before chaining began) and its canonical content recomputed from its
 * stored values.
 */
public record ChainLink(long seq, String previous, String hash, String content) {
  boolean chained() {
    return hash != null;
  }
}
