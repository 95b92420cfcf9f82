package dev.lifeboat.app.chain;

/** How a chain was found broken. */
public enum Tampering {
  /** A record's content no longer hashes to the hash stored with it. */
  EDITED,
  /** Records are missing: a gap in the numbering, or a predecessor no record has. */
  DELETED,
  /** A record that does not follow the chain sits in it. */
  INSERTED,
  /** Records are in another order than the chain's. */
  REORDERED,
  /** A record after chaining began has no hash. */
  UNHASHED;

  public String apiName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
