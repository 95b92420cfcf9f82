package dev.lifeboat.activities.postgres;

/**
 * Which characters of an SQL text PostgreSQL reads as code, and which sit inside a string constant
 * ({@code '…'}, {@code E'…'}, {@code $tag$…$tag$}), a quoted identifier ({@code "…"}) or a comment
 * ({@code --}, nested {@code /* … *&#47;}). A bind parameter only works in code, so this decides
 * where a runbook reference may stand, and where a {@code $n} or {@code ?} is a placeholder.
 * Follows PostgreSQL's lexer with {@code standard_conforming_strings} on (the default since 9.1).
 */
public final class SqlCode {
  /** What a character of the text is part of. */
  public enum Kind {
    CODE,
    STRING,
    QUOTED_IDENTIFIER,
    COMMENT
  }

  private final String sql;
  private final Kind[] kinds;

  private SqlCode(String sql) {
    this.sql = sql;
    this.kinds = new Kind[sql.length()];
    scan();
  }

  public static SqlCode of(String sql) {
    return new SqlCode(sql);
  }

  /** What the character at {@code index} is part of. */
  public Kind at(int index) {
    return kinds[index];
  }

  /** Whether {@code c} continues an identifier, so a {@code $} right after it is not a quote. */
  public static boolean isIdentifierPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c > 127;
  }

  private void scan() {
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      char next = i + 1 < sql.length() ? sql.charAt(i + 1) : 0;
      if (c == '-' && next == '-') {
        i = mark(i, lineEnd(i), Kind.COMMENT);
      } else if (c == '/' && next == '*') {
        i = mark(i, blockCommentEnd(i), Kind.COMMENT);
      } else if (c == '\'') {
        i = mark(i, quotedEnd(i, '\'', escapeString(i)), Kind.STRING);
      } else if (c == '"') {
        i = mark(i, quotedEnd(i, '"', false), Kind.QUOTED_IDENTIFIER);
      } else if (c == '$' && (i == 0 || !isIdentifierPart(sql.charAt(i - 1)))) {
        int tagEnd = dollarTagEnd(i);
        i = tagEnd < 0 ? mark(i, i + 1, Kind.CODE) : mark(i, dollarEnd(i, tagEnd), Kind.STRING);
      } else {
        i = mark(i, i + 1, Kind.CODE);
      }
    }
  }

  private int mark(int from, int to, Kind kind) {
    for (int i = from; i < to; i++) {
      kinds[i] = kind;
    }
    return to;
  }

  private int lineEnd(int from) {
    int end = sql.indexOf('\n', from);
    return end < 0 ? sql.length() : end + 1;
  }

  private int blockCommentEnd(int from) {
    int depth = 0;
    int i = from;
    while (i < sql.length()) {
      if (sql.startsWith("/*", i)) {
        depth++;
        i += 2;
      } else if (sql.startsWith("*/", i)) {
        depth--;
        i += 2;
        if (depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return sql.length();
  }

  /** {@code E'…'} (or {@code e'…'}) takes backslash escapes; a plain {@code '…'} does not. */
  private boolean escapeString(int quote) {
    return quote > 0
        && (sql.charAt(quote - 1) == 'E' || sql.charAt(quote - 1) == 'e')
        && (quote == 1 || !isIdentifierPart(sql.charAt(quote - 2)));
  }

  /** The index after the closing quote; a doubled quote stays inside. Unclosed: the end. */
  private int quotedEnd(int open, char quote, boolean backslashes) {
    int i = open + 1;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      if (backslashes && c == '\\') {
        i += 2;
      } else if (c == quote && i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
        i += 2;
      } else if (c == quote) {
        return i + 1;
      } else {
        i++;
      }
    }
    return sql.length();
  }

  /** For {@code $tag$} or {@code $$} at {@code open}, the index after its second {@code $}. */
  private int dollarTagEnd(int open) {
    int i = open + 1;
    if (i < sql.length() && Character.isDigit(sql.charAt(i))) {
      return -1; // $1: a parameter
    }
    while (i < sql.length() && sql.charAt(i) != '$') {
      char c = sql.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c > 127)) {
        return -1;
      }
      i++;
    }
    return i < sql.length() ? i + 1 : -1;
  }

  private int dollarEnd(int open, int tagEnd) {
    String tag = sql.substring(open, tagEnd);
    int close = sql.indexOf(tag, tagEnd);
    return close < 0 ? sql.length() : close + tag.length();
  }
}
