package dev.lifeboat.app.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeboat.app.schedules.NewSchedule;
import dev.lifeboat.workflow.RunMode;
import dev.lifeboat.workflow.schedule.OverlapPolicy;
import java.util.Map;

/**
 * The body of {@code POST /api/schedules}: {@code {"plan": "example-drill", "mode": "drill",
 * "cron": "0 9 * * 1", "zone": "Europe/Berlin", "params": {...}, "overlap": "skip", "owner":
 * "dba-team"}}. {@code zone} defaults to UTC, {@code overlap} to skip, {@code owner} to the caller.
 * Shape problems are 400s naming the field; the plan's own rules are checked later (422).
 */
record ScheduleBody(NewSchedule schedule) {
  static final int MAX_TEXT = 200;

  @JsonCreator
  static ScheduleBody read(
      @JsonProperty("plan") String plan,
      @JsonProperty("mode") String mode,
      @JsonProperty("cron") String cron,
      @JsonProperty("zone") String zone,
      @JsonProperty("params") Map<String, JsonNode> params,
      @JsonProperty("overlap") String overlap,
      @JsonProperty("owner") String owner) {
    if (plan == null) {
      throw new ApiException(400, "missing_plan", "field 'plan' is required");
    }
    if (mode == null) {
      throw new ApiException(
          400, "missing_mode", "field 'mode' is required; modes: tabletop, drill");
    }
    if (cron == null) {
      throw new ApiException(
          400, "missing_cron", "field 'cron' is required, e.g. \"0 9 * * 1\" (09:00 on Mondays)");
    }
    return new ScheduleBody(
        new NewSchedule(
            Names.plan(plan),
            RunMode.fromApiName(mode)
                .orElseThrow(
                    () ->
                        new ApiException(
                            400,
                            "unknown_mode",
                            "unknown mode '" + mode + "'; modes: " + RunMode.apiNames())),
            text("cron", cron),
            zone == null ? "UTC" : text("zone", zone),
            LaunchParams.toText(params),
            overlap == null
                ? OverlapPolicy.SKIP
                : OverlapPolicy.fromApiName(overlap)
                    .orElseThrow(
                        () ->
                            new ApiException(
                                400,
                                "unknown_overlap",
                                "unknown overlap policy '"
                                    + Texts.printable(overlap)
                                    + "'; policies: "
                                    + OverlapPolicy.apiNames())),
            owner == null ? null : text("owner", owner)));
  }

  private static String text(String field, String value) {
    if (value.length() > MAX_TEXT) {
      throw new ApiException(
          400, "field_too_long", field + ": at most " + MAX_TEXT + " characters are allowed");
    }
    Texts.problem(value)
        .ifPresent(
            problem -> {
              throw new ApiException(400, "bad_" + field, field + ": " + problem);
            });
    return value;
  }
}
