package dev.lifeboat.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Launch values arrive as JSON scalars; the plan's types are checked later, by the parser. */
final class LaunchParams {
  private LaunchParams() {}

  static Map<String, String> toText(Map<String, JsonNode> params) {
    Map<String, String> text = new LinkedHashMap<>();
    if (params == null) {
      return text;
    }
    List<String> problems = new ArrayList<>();
    params.forEach(
        (name, value) -> {
          if (value == null || value.isNull()) {
            problems.add("params." + name + ": null is not a value; leave the parameter out");
          } else if (value.isContainerNode()) {
            problems.add("params." + name + ": must be a string, number or boolean");
          } else {
            text.put(name, value.asText());
          }
        });
    if (!problems.isEmpty()) {
      throw new ApiException(400, "bad_params", "some parameter values are unusable", problems);
    }
    return text;
  }
}
