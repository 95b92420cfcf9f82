package dev.lifeboat.app.chain;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What checking one chain found.
 *
 * @param chain what was checked, e.g. {@code run 7f3a…} or {@code audit events}
 * @param intact whether every link holds
 * @param records how many records the chain has
 * @param unchained records written before chaining began (the oldest ones), which no hash covers
 * @param head the hash of the last record: print it, and a later check proves nothing before it
 *     changed
 * @param broken the first broken link, when not intact
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Integrity(
    String chain, boolean intact, long records, long unchained, String head, Break broken) {

  /** The first broken link: the record where the chain stops holding, how, and in words. */
  public record Break(long seq, Tampering kind, String message) {
    public String kindName() {
      return kind.apiName();
    }
  }

  public String status() {
    return intact ? "intact" : "broken";
  }

  /** One line for a terminal or a log. */
  public String describe() {
    if (intact) {
      return chain
          + ": intact, "
          + records
          + " records"
          + (unchained > 0 ? " (" + unchained + " written before chaining, not covered)" : "")
          + (head == null ? "" : ", head " + head);
    }
    return chain
        + ": BROKEN at seq "
        + broken.seq()
        + " ("
        + broken.kind().apiName()
        + "): "
        + broken.message();
  }
}
