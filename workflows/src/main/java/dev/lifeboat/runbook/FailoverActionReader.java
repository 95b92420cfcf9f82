package dev.lifeboat.runbook;

import dev.lifeboat.activities.command.CommandRequest;
import dev.lifeboat.activities.failover.HttpActionRequest;
import dev.lifeboat.activities.failover.PromoteStandbyRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Reads one action of a {@code start-failover} step: a map with exactly one of its kinds. */
final class FailoverActionReader {
  static final List<String> KINDS = List.of("ssh", "promote", "http");
  static final List<String> SSH_FIELDS = List.of("host", "run", "expect_exit", "timeout");
  static final List<String> PROMOTE_FIELDS = List.of("server", "wait_for_writes");
  static final List<String> HTTP_FIELDS =
      List.of("method", "url", "headers", "body", "expect_status", "timeout");
  static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

  private final StepKind.Input step;

  FailoverActionReader(StepKind.Input step) {
    this.step = step;
  }

  /** The action, or empty after reporting each of its problems. */
  Optional<FailoverAction> read(Field field) {
    Optional<YamlMap> found = field.map();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    YamlMap action = found.get();
    int mark = step.problems().count();
    action.allow(KINDS);
    boolean unknownKeys = step.problems().since(mark);
    List<String> given = KINDS.stream().filter(action::has).toList();
    if (given.size() > 1) {
      field.fail(
          "an action does one thing, got "
              + String.join(" and ", given)
              + "; make each its own list item, in the order they should run");
      return Optional.empty();
    }
    if (given.isEmpty()) {
      if (!unknownKeys) { // an unknown key already says what is wrong
        field.fail("an action needs one of ssh, promote or http");
      }
      return Optional.empty();
    }
    Field body = action.optional(given.get(0)).get();
    Optional<FailoverAction> read =
        switch (given.get(0)) {
          case "ssh" -> body.map().flatMap(this::ssh);
          case "promote" -> body.map().flatMap(this::promote);
          default -> body.map().flatMap(this::http);
        };
    return step.problems().since(mark) ? Optional.empty() : read;
  }

  private Optional<FailoverAction> ssh(YamlMap map) {
    map.allow(SSH_FIELDS);
    Optional<Field> hostField = map.required("host");
    Optional<String> host = hostField.flatMap(step.references()::text);
    host.ifPresent(name -> ConfiguredNames.HOSTS.check(hostField.get(), name, step.knownHosts()));
    Optional<String> run = map.required("run").flatMap(step.references()::shellText);
    long expectExit = map.optional("expect_exit").flatMap(f -> f.integer(0, 255)).orElse(0L);
    Optional<Duration> timeout = map.optional("timeout").flatMap(this::withinStepTimeout);
    if (host.isEmpty() || run.isEmpty()) {
      return Optional.empty();
    }
    return build(
        map,
        () ->
            FailoverAction.ssh(
                new CommandRequest(
                    host.get(),
                    run.get(),
                    timeout.orElse(null),
                    (int) expectExit,
                    CommandRequest.DEFAULT_OUTPUT_CAP)));
  }

  private Optional<FailoverAction> promote(YamlMap map) {
    map.allow(PROMOTE_FIELDS);
    Optional<Field> serverField = map.required("server");
    Optional<String> server = serverField.flatMap(step.references()::text);
    server.ifPresent(
        name -> ConfiguredNames.SERVERS.check(serverField.get(), name, step.knownServers()));
    Optional<Duration> wait = map.optional("wait_for_writes").flatMap(this::withinStepTimeout);
    return server.flatMap(
        name ->
            build(
                map,
                () -> FailoverAction.promote(new PromoteStandbyRequest(name, wait.orElse(null)))));
  }

  private Optional<FailoverAction> http(YamlMap map) {
    map.allow(HTTP_FIELDS);
    Optional<String> method = map.required("method").flatMap(this::method);
    Optional<String> url = map.required("url").flatMap(this::url);
    Optional<Map<String, String>> headers =
        map.optional("headers").map(this::headers).orElse(Optional.of(Map.of()));
    Optional<String> body = map.optional("body").flatMap(step.references()::text);
    long status = map.optional("expect_status").flatMap(f -> f.integer(100, 599)).orElse(0L);
    Optional<Duration> timeout = map.optional("timeout").flatMap(this::withinStepTimeout);
    if (method.isEmpty() || url.isEmpty() || headers.isEmpty()) {
      return Optional.empty();
    }
    return build(
        map,
        () ->
            FailoverAction.http(
                new HttpActionRequest(
                    method.get(),
                    url.get(),
                    headers.get(),
                    body.orElse(null),
                    (int) status,
                    timeout.orElse(null))));
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

  /** A URL written out is checked now; one with references when the run resolves it. */
  private Optional<String> url(Field field) {
    return step.references()
        .text(field)
        .filter(
            url -> {
              if (url.contains("${")) {
                return true;
              }
              String problem = urlProblem(url.strip());
              if (problem != null) {
                field.fail(problem);
              }
              return problem == null;
            });
  }

  private static String urlProblem(String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return "'" + FailoverAction.displayUrl(url) + "' is not a valid URL: " + e.getReason();
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return "'" + FailoverAction.displayUrl(url) + "' is not an http or https URL";
    }
    return uri.getHost() == null ? "'" + FailoverAction.displayUrl(url) + "' has no host" : null;
  }

  /** Header names as written; values are text fields and may use references. */
  private Optional<Map<String, String>> headers(Field field) {
    return field
        .map()
        .flatMap(
            map -> {
              int mark = step.problems().count();
              Map<String, String> headers = new LinkedHashMap<>();
              map.fields()
                  .forEach(
                      (name, value) ->
                          step.references().text(value).ifPresent(v -> headers.put(name, v)));
              return step.problems().since(mark) ? Optional.empty() : Optional.of(headers);
            });
  }

  /**
   * An action's own time limit must end before the step's, or Temporal would cut the attempt off
   * first and the action's clear message ("no answer within 30s") would never be seen.
   */
  private Optional<Duration> withinStepTimeout(Field field) {
    Duration stepTimeout = step.policy().timeout();
    return field
        .duration()
        .filter(
            duration -> {
              if (duration.compareTo(stepTimeout) < 0) {
                return true;
              }
              field.fail(
                  "must be shorter than the step's timeout ("
                      + Durations.format(stepTimeout)
                      + "); raise the step's timeout or lower this");
              return false;
            });
  }

  /** A value a request refuses is reported at the action, never thrown out of the parser. */
  private Optional<FailoverAction> build(YamlMap map, Supplier<FailoverAction> action) {
    try {
      return Optional.of(action.get());
    } catch (IllegalArgumentException e) {
      step.problems().add(map.node(), map.path(), e.getMessage());
      return Optional.empty();
    }
  }
}
