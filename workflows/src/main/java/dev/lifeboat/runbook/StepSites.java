package dev.lifeboat.runbook;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

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
    if (StepKinds.of(step).mainWorkerOnly() && step.policy().site() != null) {
      // E.g. notify: messages go out from the main worker, so a run can tell people a site is gone.
      fields
          .optional("site")
          .ifPresent(
              site ->
                  site.fail(step.kindName() + " steps always run on the main worker; remove site"));
      return step;
    }
    if (step.policy().site() != null) {
      return step;
    }
    Map<String, String> sites = new TreeMap<>();
    step.hosts()
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
    return distinct.isEmpty() ? step : step.withPolicy(step.policy().atSite(distinct.get(0)));
  }
}
