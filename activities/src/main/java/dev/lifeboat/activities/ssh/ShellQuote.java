package dev.lifeboat.activities.ssh;

/**
 * POSIX shell quoting. Every value that ends up inside a remote command line goes through {@link
 * #quote} so that a parameter like {@code x; touch pwned} stays one literal argument.
 */
public final class ShellQuote {
  private ShellQuote() {}

  /**
   * The value wrapped in single quotes, each embedded single quote written as {@code '\''}. Inside
   * single quotes a POSIX shell interprets nothing ({@code $}, backquotes, {@code ;}, newlines), so
   * this is safe for any string without a NUL character.
   */
  public static String quote(String value) {
    if (value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("a shell argument cannot contain a NUL character");
    }
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
