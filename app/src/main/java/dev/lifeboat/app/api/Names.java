package dev.lifeboat.app.api;

import java.util.regex.Pattern;

/** Checks identifiers taken from URLs before they reach anything else. */
final class Names {
  private static final Pattern PLAN = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  /** A step id as the runbook parser accepts it, with a bound. */
  private static final Pattern STEP_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,127}");

  private static final Pattern RUN_ID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private Names() {}

  static String plan(String name) {
    if (name == null || !PLAN.matcher(name).matches()) {
      throw new ApiException(
          400,
          "bad_plan_name",
          "a plan name is 1-63 lower-case letters, digits and dashes; got '"
              + shortened(name)
              + "'");
    }
    return name;
  }

  static String runId(String id) {
    if (id == null || !RUN_ID.matcher(id).matches()) {
      throw new ApiException(
          400, "bad_run_id", "a run id is a lower-case UUID; got '" + shortened(id) + "'");
    }
    return id;
  }

  static String scheduleId(String id) {
    if (id == null || !RUN_ID.matcher(id).matches()) {
      throw new ApiException(
          400,
          "bad_schedule_id",
          "a schedule id is a lower-case UUID; got '" + shortened(id) + "'");
    }
    return id;
  }

  static String stepId(String id) {
    if (id == null || !STEP_ID.matcher(id).matches()) {
      throw new ApiException(
          400,
          "bad_step_id",
          "a step id is lower-case letters, digits, '_' and '-'; got '" + shortened(id) + "'");
    }
    return id;
  }

  static String shortened(String text) {
    if (text == null) {
      return "";
    }
    return Texts.printable(text.length() > 80 ? text.substring(0, 80) + "…" : text);
  }
}
