package dev.lifeboat.app.report;

/** Markdown code fences that no text can close early. */
final class Fences {
  private Fences() {}

  /**
   * A backtick fence longer than the longest run of backticks in {@code text} (at least three), so
   * the text inside stays literal whatever it holds (CommonMark: a fence closes only with at least
   * as many backticks).
   */
  static String around(String text) {
    int longest = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      run = text.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return "`".repeat(Math.max(3, longest + 1));
  }
}
