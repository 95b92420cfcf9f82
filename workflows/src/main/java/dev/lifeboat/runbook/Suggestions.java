package dev.lifeboat.runbook;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean" hints: most runbook mistakes are typos of a name we know. */
final class Suggestions {
  private static final int MAX_DISTANCE = 2;

  private Suggestions() {}

  /** The known name closest to {@code word}, when it is close enough to be a likely typo. */
  static Optional<String> closest(String word, Collection<String> known) {
    return known.stream()
        .filter(candidate -> distance(word, candidate) <= Math.min(MAX_DISTANCE, word.length() - 1))
        .min(Comparator.comparingInt(candidate -> distance(word, candidate)));
  }

  /**
   * {@code unknown field 'timout'; did you mean 'timeout'?}, or the list of valid names when no
   * name is close.
   */
  static String unknown(String what, String word, Collection<String> known) {
    String start = "unknown " + what + " " + Excerpt.quote(word);
    return closest(word, known)
        .map(match -> start + "; did you mean '" + match + "'?")
        .orElseGet(() -> start + "; expected one of: " + String.join(", ", known));
  }

  /**
   * {@code ; did you mean 'x'?} for a name close to one of {@code known}, else {@code listed}
   * followed by the known names, else {@code none} when nothing is known.
   */
  static String hint(String word, Collection<String> known, String none, String listed) {
    return closest(word, known)
        .map(match -> "; did you mean '" + match + "'?")
        .orElseGet(
            () ->
                known.isEmpty()
                    ? none
                    : listed + String.join(", ", known.stream().sorted().toList()));
  }

  /** Levenshtein distance: insertions, deletions and substitutions. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
