package dev.lifeboat.app.schedules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** A schedule's launch values as stored: a JSON object of text values. */
final class ScheduleParams {
  private ScheduleParams() {}

  static String write(ObjectMapper json, Map<String, String> params) {
    try {
      return json.writeValueAsString(params);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("launch values cannot be written as JSON", e);
    }
  }

  static Map<String, String> read(ObjectMapper json, String params) {
    try {
      return json.readValue(params, new TypeReference<Map<String, String>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a schedule's stored params are not a JSON object", e);
    }
  }
}
