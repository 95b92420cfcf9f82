package dev.lifeboat.runbook;

import java.util.List;

/**
 * A kind the workflow runs itself, with a routine of its own: {@code start-failover}, whose actions
 * are activity calls made one after another until one fails, or a kind with no activity at all,
 * such as a human approval or a wait. Its activities' options are the routine's to choose.
 *
 * @param activities the activity interfaces the routine calls, for the workers to register
 */
public record InWorkflow<S extends Step>(List<Class<?>> activities) implements StepExecution<S> {
  public InWorkflow {
    activities = List.copyOf(activities);
  }

  /** Run by a workflow routine that calls {@code activities}. */
  public static <S extends Step> InWorkflow<S> calling(Class<?>... activities) {
    return new InWorkflow<>(List.of(activities));
  }

  @Override
  public boolean heartbeats() {
    return false;
  }
}
