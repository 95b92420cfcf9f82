package dev.lifeboat.runbook;

import java.util.List;

/**
 * How the steps of a kind run: as one call of an activity ({@link ActivityCall}), or by the
 * workflow itself ({@link InWorkflow}), which may call activities or none at all.
 *
 * @param <S> the step record of the kind
 */
public sealed interface StepExecution<S extends Step> permits ActivityCall, InWorkflow {
  /** The activity interfaces its steps call: what a worker that runs them registers. */
  List<Class<?>> activities();

  /**
   * Whether its activity heartbeats while it runs. Long steps do: a lost worker is noticed within
   * 30 seconds instead of at the step's timeout, a cancellation reaches them, and a cancelled run
   * waits for them to stop.
   */
  boolean heartbeats();
}
