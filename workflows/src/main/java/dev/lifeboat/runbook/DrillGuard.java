package dev.lifeboat.runbook;

import dev.lifeboat.activities.restore.RestoreDataRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Keeps a drill from doing what only a recovery may do. A step acts on production when it is a
 * {@code start-failover} (its whole purpose is to move production), or when it changes a host or
 * server marked {@code production: true}: a {@code command} or an {@code ssh} probe's command on
 * such a host (Lifeboat cannot tell that a shell command only reads), a restore into such a server
 * or onto such a host. Reading is allowed: {@code verify-backup} on a production host runs only
 * Lifeboat's own read-only commands, a {@code sql} probe is a query, and a dump may be read from a
 * production host into a database elsewhere. Such a step must say what it does in a drill: {@code
 * drill: as-is} (safe as written), {@code modes:} without drill (a drill skips it), or {@code
 * drill:} overrides of its fields, after which only what the overridden step names is judged (a
 * failover overridden onto drill machines is the author's statement that it moves no production).
 *
 * <p>The parser applies it when a plan loads ({@link RunbookParser#withDrillRule}); the launcher
 * applies it again to the resolved plan of a drill, where a host or server given as {@code
 * ${params.…}} is judged by the value the run was launched with. Stateless and thread-safe.
 */
public final class DrillGuard {
  private final ProductionTargets production;

  public DrillGuard(ProductionTargets production) {
    this.production = production;
  }

  /**
   * Every step of {@code resolved} that a drill must not run, as a problem located at the step in
   * {@code text} (the plan's YAML, which {@code resolved} was parsed from): what it would act on
   * and how to declare it. Empty when the plan may be drilled.
   */
  public List<RunbookProblem> check(String source, String text, Runbook resolved) {
    Map<String, String> refused = new LinkedHashMap<>();
    resolved
        .steps()
        .forEach(
            step -> {
              refusal(step).ifPresent(r -> refused.put(step.id(), r));
              step.policy()
                  .undoStep()
                  .flatMap(this::refusal)
                  .ifPresent(r -> refused.putIfAbsent(step.id(), "its undo: " + r));
            });
    if (refused.isEmpty()) {
      return List.of();
    }
    Problems problems = new Problems(source);
    Map<String, Field> steps = StepPlaces.in(source, text);
    refused.forEach(
        (id, message) -> {
          Field step = steps.get(id);
          if (step == null) {
            problems.add(0, 0, "", message); // never dropped, even if it cannot be placed
          } else {
            problems.add(step.node(), step.path(), message);
          }
        });
    return problems.inTextOrder();
  }

  /** Why {@code step} may not run as written in a drill, or empty when it may. */
  Optional<String> refusal(Step step) {
    StepPolicy policy = step.policy();
    if (policy.runsAsIsInDrills() || !policy.runsIn("drill")) {
      return Optional.empty();
    }
    Optional<String> acts =
        policy.overriddenInDrills() && step instanceof StartFailoverStep failover
            ? Optional.of(markedProduction(failover))
                .filter(marked -> !marked.isEmpty())
                .map(marked -> "acts in a drill on " + String.join(", ", marked))
            : actsOn(step);
    return acts.map(
        what ->
            step.kindName()
                + " step '"
                + step.id()
                + "' "
                + what
                + ", which a drill does not do; say what the step does in a drill: drill:"
                + " overrides of its fields (e.g. another host), modes: without drill (a drill"
                + " skips it), or drill: as-is if it is safe to run as written");
  }

  /** What the step would do to production, or empty when it does nothing only a recovery may. */
  private Optional<String> actsOn(Step step) {
    if (step instanceof StartFailoverStep failover) {
      List<String> marked = markedProduction(failover);
      return Optional.of(
          "fails production over ("
              + failover.actions().stream()
                  .map(FailoverAction::describe)
                  .collect(Collectors.joining(", "))
              + (marked.isEmpty() ? "" : "; marked production: " + String.join(", ", marked))
              + ")");
    }
    if (step instanceof CommandStep command) {
      return onProductionHost(command.request().host(), "runs a command on");
    }
    if (step instanceof HealthCheckStep check && check.request().ssh() != null) {
      return onProductionHost(check.request().ssh().host(), "runs its ssh probe's command on");
    }
    if (step instanceof SqlStep sql && production.servers().contains(sql.request().server())) {
      return Optional.of(
          "runs SQL on production PostgreSQL server '" + sql.request().server() + "'");
    }
    if (step instanceof RestoreDataStep restore) {
      RestoreDataRequest request = restore.request();
      if (request.restoresFiles()) {
        return onProductionHost(request.host(), "extracts files into " + request.to() + " on");
      }
      return production.servers().contains(request.server())
          ? Optional.of(
              "restores into database '"
                  + request.database()
                  + "' on production PostgreSQL server '"
                  + request.server()
                  + "'")
          : Optional.empty();
    }
    return Optional.empty();
  }

  private Optional<String> onProductionHost(String host, String doing) {
    return production.hosts().contains(host)
        ? Optional.of(doing + " production host '" + host + "'")
        : Optional.empty();
  }

  /** The production hosts and servers the failover's actions name, e.g. {@code host 'db-1'}. */
  private List<String> markedProduction(StartFailoverStep failover) {
    return failover.actions().stream()
        .map(
            action -> {
              if (action.ssh() != null && production.hosts().contains(action.ssh().host())) {
                return "host '" + action.ssh().host() + "'";
              }
              if (action.promote() != null
                  && production.servers().contains(action.promote().server())) {
                return "server '" + action.promote().server() + "'";
              }
              return null;
            })
        .filter(Objects::nonNull)
        .distinct()
        .toList();
  }
}
