package dev.lifeboat.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Launch values arrive as JSON scalars; the plan's types are checked later, by the parser. Here
 * only what no plan could want is refused: values end up in shell commands, SQL, URLs and the audit
 * record, so they must be text a reader sees as it is.
 */
final class LaunchParams {
  /** More than any plan declares; a body with more is a mistake or an attack. */
  static final int MAX_PARAMS = 64;

  /** A path, a host name, a database name, a ticket URL: all far shorter. */
  static final int MAX_VALUE_LENGTH = 4096;

  private LaunchParams() {}

  static Map<String, String> toText(Map<String, JsonNode> params) {
    Map<String, String> text = new LinkedHashMap<>();
    if (params == null) {
      return text;
    }
    if (params.size() > MAX_PARAMS) {
      throw new ApiException(
          400,
          "too_many_params",
          "a launch takes at most " + MAX_PARAMS + " params; got " + params.size(),
          List.of());
    }
    List<String> problems = new ArrayList<>();
    params.forEach(
        (name, value) -> {
          String field = "params." + Texts.printable(name);
          if (value == null || value.isNull()) {
            problems.add(field + ": null is not a value; leave the parameter out");
          } else if (value.isContainerNode()) {
            problems.add(field + ": must be a string, number or boolean");
          } else if (value.asText().length() > MAX_VALUE_LENGTH) {
            problems.add(
                field
                    + ": is "
                    + value.asText().length()
                    + " characters long; at most "
                    + MAX_VALUE_LENGTH
                    + " are allowed");
          } else {
            Texts.problem(value.asText())
                .ifPresentOrElse(
                    problem -> problems.add(field + ": " + problem),
                    () -> text.put(name, value.asText()));
          }
        });
    if (!problems.isEmpty()) {
      throw new ApiException(400, "bad_params", "some parameter values are unusable", problems);
    }
    return text;
  }
}
