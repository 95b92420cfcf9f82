package dev.lifeboat.app.report;

import java.util.ArrayList;
import java.util.List;

/** A strict RFC 4180 reader for tests: fails on anything the RFC does not allow. */
final class Csv {
  private Csv() {}

  static List<List<String>> parse(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    int i = 0;
    boolean quoted = false;
    boolean wasQuoted = false;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          cell.append('"');
          i += 2;
          continue;
        }
        if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
        i++;
        continue;
      }
      if (c == '"') {
        if (cell.length() > 0 || wasQuoted) {
          throw new AssertionError("a quote inside an unquoted cell at offset " + i);
        }
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        row.add(cell.toString());
        cell.setLength(0);
        wasQuoted = false;
      } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        row.add(cell.toString());
        rows.add(row);
        row = new ArrayList<>();
        cell.setLength(0);
        wasQuoted = false;
        i++;
      } else if (c == '\r' || c == '\n') {
        throw new AssertionError("a bare line break outside quotes at offset " + i);
      } else {
        cell.append(c);
      }
      i++;
    }
    if (quoted) {
      throw new AssertionError("an unterminated quoted cell");
    }
    if (cell.length() > 0 || !row.isEmpty()) {
      throw new AssertionError("the last line does not end with CRLF");
    }
    return rows;
  }
}
