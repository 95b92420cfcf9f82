package dev.lifeboat.activities.health;

/** Values shown in observations are cut, so one wide value cannot flood a run's record. */
final class Excerpts {
  private static final int LIMIT = 60;

  private Excerpts() {}

  static String cut(String value) {
    String flat = value.replaceAll("\\s+", " ").strip();
    return flat.length() > LIMIT ? flat.substring(0, LIMIT) + "…" : flat;
  }
}
