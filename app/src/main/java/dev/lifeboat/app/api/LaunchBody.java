package dev.lifeboat.app.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeboat.workflow.RunMode;
import java.util.Map;

/**
 * The body of {@code POST /api/plans/{name}/runs}: {@code {"mode": "drill", "params": {...}}}.
 * Parameter values may be JSON strings, numbers or booleans.
 */
public record LaunchBody(RunMode mode, Map<String, JsonNode> params) {
  /**
   * Reads the mode as it is read: a missing or unknown one is refused (400 {@code missing_mode},
   * {@code unknown_mode}) naming the modes there are, not as a bad JSON shape.
   */
  @JsonCreator
  static LaunchBody read(
      @JsonProperty("mode") String mode, @JsonProperty("params") Map<String, JsonNode> params) {
    if (mode == null) {
      throw new ApiException(
          400, "missing_mode", "field 'mode' is required; modes: " + RunMode.apiNames());
    }
    return new LaunchBody(
        RunMode.fromApiName(mode)
            .orElseThrow(
                () ->
                    new ApiException(
                        400,
                        "unknown_mode",
                        "unknown mode '" + mode + "'; modes: " + RunMode.apiNames())),
        params);
  }
}
