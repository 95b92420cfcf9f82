package dev.lifeboat.app.auth;

/** The names tokens carry: people ({@code alice}, {@code alice@example.org}) and services. */
public final class TokenNames {
  public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._@-]{0,63}";
  public static final String RULE =
      "a token name is 1-64 letters, digits and . _ @ -, starting with a letter or digit";

  private TokenNames() {}

  /** A refused name as quoted back in an error: at most 80 characters. */
  static String shorten(String name) {
    if (name == null) {
      return "";
    }
    return name.length() > 80 ? name.substring(0, 80) + "…" : name;
  }
}
