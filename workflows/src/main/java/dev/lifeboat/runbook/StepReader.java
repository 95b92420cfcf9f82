package dev.lifeboat.runbook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How one step kind is read from YAML. Each {@link StepKind} has exactly one; {@code StepKindsTest}
 * checks that the schema allows exactly the fields it reads.
 */
interface StepReader<S extends Step> {
  /** The fields of this kind, besides id, kind and the policy fields. */
  List<String> fields();

  /**
   * The step, or empty when any of its fields has a problem (each one reported).
   *
   * @param step the step's map, whose keys have already been checked
   */
  Optional<S> read(Input step);

  /**
   * What a kind reader gets.
   *
   * @param policy the step's policy (defaults where broken: a broken step is never bound)
   * @param rpo the plan's RPO, empty when the objectives are broken
   * @param knownHosts the configured SSH host names, empty when they are not checked
   * @param knownServers the configured PostgreSQL server names, empty when they are not checked
   */
  record Input(
      String id,
      StepPolicy policy,
      YamlMap fields,
      References references,
      Optional<Duration> rpo,
      Optional<Set<String>> knownHosts,
      Problems problems,
      Optional<Set<String>> knownServers) {}
}
