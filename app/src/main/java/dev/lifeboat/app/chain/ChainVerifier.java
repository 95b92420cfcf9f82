package dev.lifeboat.app.chain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a chain's records in their stored order and finds the first link that does not hold. Each
 * record must hash to its stored hash ({@link ChainHash#next}) and name its predecessor's hash;
 * when it does not, the records around it say how it came to be: a gap or an unknown predecessor
 * (deleted), a predecessor that comes later (reordered), a record its successor skips (inserted).
 *
 * <p>A chain kept in the database it protects proves the record was not edited by anyone who does
 * not also recompute every later hash; what pins it against that is its head, printed in each run's
 * report and shown by the API, compared later.
 */
public final class ChainVerifier {
  private ChainVerifier() {}

  /**
   * Checks {@code links} (ordered by sequence) of the chain named {@code chain} that starts from
   * {@code origin}. When {@code numbered}, sequence numbers go 1, 2, 3… with no gap (a run's
   * events), so a gap is a deletion; otherwise they only grow (an identity column, where a rolled
   * back insert leaves a gap) and only the links count.
   */
  public static Integrity verify(
      String chain, String origin, boolean numbered, List<ChainLink> links) {
    int first = 0;
    while (first < links.size() && !links.get(first).chained()) {
      first++;
    }
    long unchained = first;
    Map<String, Integer> positionOfHash = new HashMap<>();
    for (int i = first; i < links.size(); i++) {
      if (links.get(i).chained()) {
        positionOfHash.putIfAbsent(links.get(i).hash(), i);
      }
    }
    String expected = first == 0 ? origin : null; // legacy rows first: the first hash starts anew
    long expectedSeq =
        numbered && first == 0 ? 1 : first < links.size() ? links.get(first).seq() : 0;
    for (int i = first; i < links.size(); i++) {
      ChainLink link = links.get(i);
      if (!link.chained()) {
        return broken(
            chain,
            links,
            unchained,
            link.seq(),
            Tampering.UNHASHED,
            "record " + link.seq() + " has no hash although records before it have");
      }
      String recomputed = ChainHash.next(link.previous(), link.content());
      if (!recomputed.equals(link.hash())) {
        return broken(
            chain,
            links,
            unchained,
            link.seq(),
            Tampering.EDITED,
            "record "
                + link.seq()
                + " was changed: its stored values hash to "
                + recomputed
                + ", not to the "
                + link.hash()
                + " recorded with it");
      }
      if ((numbered && link.seq() != expectedSeq)
          || (expected != null && !link.previous().equals(expected))) {
        Integrity.Break found =
            explain(links, i, expected, numbered ? expectedSeq : link.seq(), positionOfHash);
        return new Integrity(chain, false, links.size(), unchained, head(links), found);
      }
      expected = link.hash();
      expectedSeq = link.seq() + 1;
    }
    return new Integrity(chain, true, links.size(), unchained, head(links), null);
  }

  private static Integrity.Break explain(
      List<ChainLink> links,
      int i,
      String expected,
      long expectedSeq,
      Map<String, Integer> positionOfHash) {
    ChainLink link = links.get(i);
    if (link.seq() > expectedSeq) {
      return new Integrity.Break(
          link.seq(),
          Tampering.DELETED,
          (link.seq() - expectedSeq == 1
                  ? "record " + expectedSeq + " is missing"
                  : "records " + expectedSeq + " to " + (link.seq() - 1) + " are missing")
              + ": record "
              + link.seq()
              + " follows a record that is not there");
    }
    Integer predecessor = positionOfHash.get(link.previous());
    if (predecessor != null && predecessor > i) {
      return new Integrity.Break(
          link.seq(),
          Tampering.REORDERED,
          "record "
              + link.seq()
              + " follows record "
              + links.get(predecessor).seq()
              + ", which is stored after it: records were renumbered out of the chain's order");
    }
    if (predecessor != null && predecessor < i - 1) {
      ChainLink skipped = links.get(i - 1);
      return new Integrity.Break(
          skipped.seq(),
          Tampering.INSERTED,
          "record "
              + skipped.seq()
              + " is not part of the chain: record "
              + link.seq()
              + " follows record "
              + links.get(predecessor).seq()
              + " directly");
    }
    boolean nextFits = i + 1 < links.size() && links.get(i + 1).previous().equals(expected);
    if (nextFits) {
      return new Integrity.Break(
          link.seq(),
          Tampering.INSERTED,
          "record "
              + link.seq()
              + " is not part of the chain: record "
              + links.get(i + 1).seq()
              + " follows the record before it directly");
    }
    return new Integrity.Break(
        link.seq(),
        Tampering.DELETED,
        "record "
            + link.seq()
            + " follows a record that is not there: the record before it was"
            + " deleted (and the rest renumbered), or edited with its hash recomputed, or this"
            + " record was inserted");
  }

  private static Integrity broken(
      String chain, List<ChainLink> links, long unchained, long seq, Tampering kind, String why) {
    return new Integrity(
        chain, false, links.size(), unchained, head(links), new Integrity.Break(seq, kind, why));
  }

  private static String head(List<ChainLink> links) {
    return links.isEmpty() ? null : links.get(links.size() - 1).hash();
  }
}
