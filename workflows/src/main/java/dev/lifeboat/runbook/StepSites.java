package dev.lifeboat.runbook;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Gives a step without its own {@code site:} the configured site of the host it names, so a command
 * on a host at {@code dr-east} runs on the worker at {@code dr-east} without the plan repeating it.
 */
final class StepSites {
  private final Map<String, String> hostSites;

  /**
   * @param hostSites the site of every configured host that has one
   */
  StepSites(Map<String, String> hostSites) {
    this.hostSites = Map.copyOf(hostSites);
  }

  /**
   * The step as it runs: unchanged when it names its site or no host with one; otherwise with the
   * site of its hosts. A start-failover whose ssh actions' hosts are at different sites cannot pick
   * one for the person who wrote it: that is reported at {@code actions}.
   */
  Step assign(Step step, YamlMap fields) {
    if (step instanceof NotifyStep && step.policy().site() != null) {
      // Messages go out from the main worker, so a run can tell people a site is gone.
      fields
          .optional("site")
          .ifPresent(site -> site.fail("notify steps always run on the main worker; remove site"));
      return step;
    }
    if (step.policy().site() != null) {
      return step;
    }
    Map<String, String> sites = new TreeMap<>();
    hosts(step)
        .forEach(
            host -> Optional.ofNullable(hostSites.get(host)).ifPresent(s -> sites.put(host, s)));
    List<String> distinct = sites.values().stream().distinct().toList();
    if (distinct.size() > 1) {
      fields
          .optional("actions")
          .ifPresent(
              actions ->
                  actions.fail(
                      "the ssh actions run on hosts at different sites ("
                          + String.join(
                              ", ",
                              sites.entrySet().stream()
                                  .map(e -> e.getKey() + " at " + e.getValue())
                                  .toList())
                          + "); say where the step runs with site: on the step"));
      return step;
    }
    return distinct.isEmpty() ? step : withPolicy(step, step.policy().atSite(distinct.get(0)));
  }

  /** The configured hosts a step runs on; notify names none. */
  static Stream<String> hosts(Step step) {
    Stream<String> hosts = Stream.empty();
    if (step instanceof CommandStep command) {
      hosts = Stream.of(command.request().host());
    } else if (step instanceof VerifyBackupStep verify) {
      hosts = Stream.ofNullable(verify.request().host());
    } else if (step instanceof RestoreDataStep restore) {
      hosts = Stream.ofNullable(restore.request().host());
    } else if (step instanceof HealthCheckStep check && check.request().ssh() != null) {
      hosts = Stream.of(check.request().ssh().host());
    } else if (step instanceof StartFailoverStep failover) {
      hosts =
          failover.actions().stream()
              .filter(action -> action.ssh() != null)
              .map(action -> action.ssh().host());
    }
    return hosts;
  }

  /** Java 17 has no record withers. Notify never gets here: it names no host. */
  static Step withPolicy(Step step, StepPolicy policy) {
    if (step instanceof CommandStep command) {
      return new CommandStep(command.id(), policy, command.request());
    }
    if (step instanceof VerifyBackupStep verify) {
      return new VerifyBackupStep(verify.id(), policy, verify.request());
    }
    if (step instanceof RestoreDataStep restore) {
      return new RestoreDataStep(restore.id(), policy, restore.request());
    }
    if (step instanceof HealthCheckStep check) {
      return new HealthCheckStep(check.id(), policy, check.request());
    }
    if (step instanceof StartFailoverStep failover) {
      return new StartFailoverStep(failover.id(), policy, failover.actions());
    }
    throw new IllegalArgumentException("no site routing for steps of kind " + step.kindName());
  }
}
