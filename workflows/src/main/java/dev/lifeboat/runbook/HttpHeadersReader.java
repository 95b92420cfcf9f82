package dev.lifeboat.runbook;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads an HTTP {@code headers:} map: names as written (HTTP tokens), values as text that may use
 * {@code ${secrets.NAME}}, the usual place for an API token.
 */
final class HttpHeadersReader {
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

  /** The JDK client sets these itself and refuses them from callers. */
  private static final Set<String> SET_BY_CLIENT =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private HttpHeadersReader() {}

  /** The headers in order, or empty when any of them has a problem (each reported). */
  static Optional<Map<String, String>> read(Field field, References references) {
    return field
        .map()
        .flatMap(
            map -> {
              Problems problems = field.problems();
              int mark = problems.count();
              Map<String, String> headers = new LinkedHashMap<>();
              map.fields()
                  .forEach(
                      (name, value) -> {
                        if (!TOKEN.matcher(name).matches()) {
                          problems.add(
                              map.keyNode(name),
                              value.path(),
                              "'" + name + "' is not a valid HTTP header name");
                        } else if (SET_BY_CLIENT.contains(name.toLowerCase(Locale.ROOT))) {
                          problems.add(
                              map.keyNode(name),
                              value.path(),
                              "header '" + name + "' is set by the HTTP client itself; remove it");
                        }
                        references
                            .secretText(value)
                            .filter(text -> oneLine(value, text))
                            .ifPresent(text -> headers.put(name, text));
                      });
              return problems.since(mark) ? Optional.empty() : Optional.of(headers);
            });
  }

  private static boolean oneLine(Field value, String text) {
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
      value.fail("a header value must be one line");
      return false;
    }
    return true;
  }
}
