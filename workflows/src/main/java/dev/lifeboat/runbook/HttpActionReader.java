package dev.lifeboat.runbook;

import dev.lifeboat.activities.SafeUrls;
import dev.lifeboat.activities.failover.HttpActionRequest;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the {@code http} action of a {@code start-failover} step into an {@link HttpActionRequest}.
 */
final class HttpActionReader {
  static final List<String> FIELDS =
      List.of("method", "url", "headers", "body", "expect_status", "timeout");
  static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

  private final StepReader.Input step;
  private final Function<Field, Optional<Duration>> timeouts;

  /**
   * @param timeouts reads the action's {@code timeout}, checked against the step's
   */
  HttpActionReader(StepReader.Input step, Function<Field, Optional<Duration>> timeouts) {
    this.step = step;
    this.timeouts = timeouts;
  }

  /** The request, or empty after reporting each problem of the map. */
  Optional<HttpActionRequest> read(YamlMap map) {
    map.allow(FIELDS);
    Optional<String> method = map.required("method").flatMap(this::method);
    Optional<String> url = map.required("url").flatMap(this::url);
    Optional<Map<String, String>> headers =
        map.optional("headers")
            .map(f -> HttpHeadersReader.read(f, step.references()))
            .orElse(Optional.of(Map.of()));
    Optional<String> body = map.optional("body").flatMap(step.references()::secretText);
    long status = map.optional("expect_status").flatMap(f -> f.integer(100, 599)).orElse(0L);
    Optional<Duration> timeout = map.optional("timeout").flatMap(timeouts);
    if (method.isEmpty() || url.isEmpty() || headers.isEmpty()) {
      return Optional.empty();
    }
    return FailoverActionReader.build(
        step,
        map,
        () ->
            new HttpActionRequest(
                method.get(),
                url.get(),
                headers.get(),
                body.orElse(null),
                (int) status,
                timeout.orElse(null)));
  }

  private Optional<String> method(Field field) {
    return field
        .literal("an HTTP method")
        .filter(
            method -> {
              if (METHODS.contains(method)) {
                return true;
              }
              field.fail(
                  "expected one of "
                      + String.join(", ", METHODS)
                      + ", got '"
                      + method
                      + "'"
                      + Suggestions.closest(method.toUpperCase(Locale.ROOT), METHODS)
                          .map(match -> "; did you mean '" + match + "'?")
                          .orElse(""));
              return false;
            });
  }

  /**
   * A URL written out is checked now, by the same rules the activity applies when it sends the
   * request; one with references is checked when the run resolves it.
   */
  private Optional<String> url(Field field) {
    return step.references()
        .secretText(field)
        .filter(
            url -> {
              if (url.contains("${")) {
                return true;
              }
              try {
                SafeUrls.parseHttp(url);
                return true;
              } catch (ApplicationFailure unusable) {
                field.fail(unusable.getOriginalMessage());
                return false;
              }
            });
  }
}
