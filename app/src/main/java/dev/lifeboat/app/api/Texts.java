package dev.lifeboat.app.api;

import java.util.Optional;

/**
 * Refuses text that would not read as what it is: control characters (a NUL truncates strings in C
 * tools and PostgreSQL refuses it), unpaired surrogates (not text at all), and bidirectional
 * overrides, which make a value display differently from what a shell or database receives ("Trojan
 * Source", CVE-2021-42574).
 */
final class Texts {
  private Texts() {}

  static Optional<String> problem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
        continue;
      }
      if (Character.isSurrogate(c)) {
        return Optional.of("contains an unpaired surrogate at position " + i + "; not valid text");
      }
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
        return Optional.of(
            "contains the control character U+%04X at position %d".formatted((int) c, i));
      }
      if (isBidiControl(c)) {
        return Optional.of(
            ("contains the bidirectional control U+%04X at position %d, which makes text display"
                    + " differently from what it is")
                .formatted((int) c, i));
      }
    }
    return Optional.empty();
  }

  /** The text with anything {@link #problem} refuses shown as {@code \\uXXXX}, for messages. */
  static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.chars()
        .forEach(
            c -> {
              if (c < 0x20 || c == 0x7f || Character.isSurrogate((char) c) || isBidiControl(c)) {
                out.append("\\u%04x".formatted(c));
              } else {
                out.append((char) c);
              }
            });
    return out.toString();
  }

  private static boolean isBidiControl(int c) {
    return (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x200e
        || c == 0x200f
        || c == 0x061c;
  }
}
