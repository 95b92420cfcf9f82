package dev.lifeboat.app.api;

import java.util.List;

/**
 * The JSON body of every error the API answers: {@code {"error": {...}}}.
 *
 * @param code a stable machine-readable name, e.g. {@code unknown_plan}
 * @param details every individual problem, e.g. each runbook problem or missing parameter
 */
public record ApiError(Body error) {
  public static ApiError of(int status, String code, String message, List<String> details) {
    return new ApiError(new Body(status, code, message, List.copyOf(details)));
  }

  public record Body(int status, String code, String message, List<String> details) {}
}
