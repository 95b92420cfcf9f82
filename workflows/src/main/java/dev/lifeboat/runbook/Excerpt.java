package dev.lifeboat.runbook;

/**
 * The one cutter for text that a message repeats. A runbook value can be as long as the file, and a
 * message that quotes it in full once per alias or per problem turned a 103 KB file into 100 MB of
 * output; an excerpt is enough to find the value, the line number does the rest.
 */
public final class Excerpt {
  /** How many characters of a value a message quotes. */
  public static final int VALUE_CHARS = 80;

  private Excerpt() {}

  /**
   * {@code 'value'} with at most {@link #VALUE_CHARS} characters then {@code …}; characters a
   * terminal would act on (controls, NUL, lone surrogates) are shown as {@code \\uXXXX}.
   */
  public static String quote(String value) {
    return "'" + value(value) + "'";
  }

  /** The value cut as {@link #quote} cuts it, without the quotes. */
  public static String value(String value) {
    boolean cut = value.length() > VALUE_CHARS;
    String kept = cut ? value.substring(0, VALUE_CHARS) : value;
    return printable(kept) + (cut ? "…" : "");
  }

  /**
   * {@code text} if it has at most {@code max} characters, else its start and its end around a
   * {@code …}: the start says what the message is about, the end usually says what to do. Shown
   * printable, as {@link #quote} shows values.
   */
  public static String middle(String text, int max) {
    if (text.length() <= max) {
      return printable(text);
    }
    int tail = max / 3;
    int head = max - tail - 1;
    return printable(text.substring(0, head))
        + "…"
        + printable(text.substring(text.length() - tail));
  }

  private static String printable(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean pair =
          Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1));
      if (pair) {
        out.append(c).append(text.charAt(++i));
      } else if (Character.isISOControl(c) && c != '\t' || Character.isSurrogate(c)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
