package dev.lifeboat.runbook;

import dev.lifeboat.activities.command.CommandRequest;
import dev.lifeboat.activities.failover.PromoteStandbyRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Reads one action of a {@code start-failover} step: a map with exactly one of its kinds. */
final class FailoverActionReader {
  static final List<String> KINDS = List.of("ssh", "promote", "http");
  static final List<String> SSH_FIELDS = List.of("host", "run", "expect_exit", "timeout");
  static final List<String> PROMOTE_FIELDS = List.of("server", "wait_for_writes");

  private final StepReader.Input step;

  FailoverActionReader(StepReader.Input step) {
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
        step,
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
                step,
                map,
                () -> FailoverAction.promote(new PromoteStandbyRequest(name, wait.orElse(null)))));
  }

  private Optional<FailoverAction> http(YamlMap map) {
    return new HttpActionReader(step, this::withinStepTimeout).read(map).map(FailoverAction::http);
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
  static <T> Optional<T> build(StepReader.Input step, YamlMap map, Supplier<T> make) {
    try {
      return Optional.of(make.get());
    } catch (IllegalArgumentException e) {
      step.problems().add(map.node(), map.path(), e.getMessage());
      return Optional.empty();
    }
  }
}
