package dev.lifeboat.activities.backup;

/**
 * Whether a backup's table of contents could be read, and how many entries it has.
 *
 * @param problem why it could not be read, naming the tool; empty when readable
 */
record Listing(boolean readable, int entries, String problem) {
  static Listing of(int entries) {
    return new Listing(true, entries, "");
  }

  static Listing unreadable(String problem) {
    return new Listing(false, 0, problem);
  }
}
