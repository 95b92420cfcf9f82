package dev.lifeboat.runbook;

import dev.lifeboat.activities.StepResult;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A kind whose step is one call of one activity method with one request, e.g. {@code verify-backup}
 * calls {@code VerifyBackupActivity::verifyBackup} with the step's {@code VerifyBackupRequest}.
 *
 * @param activity the activity interface
 * @param method the method of {@code activity} the step calls; one record in, one record out
 * @param request builds the request from the step when it starts
 * @param heartbeats see {@link StepExecution#heartbeats}
 * @param mainWorkerOnly whether the step always runs on the server's own worker, never at a site
 * @param <S> the step record of the kind
 * @param <Q> the request record
 */
public record ActivityCall<S extends Step, Q>(
    Class<?> activity,
    Method method,
    StepRequest<S, Q> request,
    boolean heartbeats,
    boolean mainWorkerOnly)
    implements StepExecution<S> {

  /** The method of an activity interface a step calls, e.g. {@code CommandActivity::command}. */
  @FunctionalInterface
  public interface ActivityMethod<A, Q, R extends StepResult> {
    R call(A activity, Q request);
  }

  /** A step's request, from the step and, where the kind needs it, from its run. */
  @FunctionalInterface
  public interface StepRequest<S extends Step, Q> {
    Q of(S step, StepContext run);
  }

  public ActivityCall {
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(request, "request");
    if (method.getDeclaringClass() != activity) {
      throw new IllegalArgumentException(method + " is not a method of " + activity.getName());
    }
  }

  /**
   * A short call with the step's own request, that does not heartbeat and may run at a site.
   *
   * @param method written as a method reference, so the compiler checks that it takes the request
   *     the step builds and returns a {@link StepResult}
   */
  public static <S extends Step, A, Q, R extends StepResult> ActivityCall<S, Q> of(
      Class<A> activity, ActivityMethod<A, Q, R> method, Function<S, Q> request) {
    return withRun(activity, method, (step, run) -> request.apply(step));
  }

  /** Like {@link #of}, for a request that also carries something of the run's. */
  public static <S extends Step, A, Q, R extends StepResult> ActivityCall<S, Q> withRun(
      Class<A> activity, ActivityMethod<A, Q, R> method, StepRequest<S, Q> request) {
    return new ActivityCall<>(activity, methodOf(activity, method), request, false, false);
  }

  /** The same call, by an activity that heartbeats. */
  public ActivityCall<S, Q> heartbeating() {
    return new ActivityCall<>(activity, method, request, true, mainWorkerOnly);
  }

  /** The same call, always on the server's own worker. */
  public ActivityCall<S, Q> onMainWorkerOnly() {
    return new ActivityCall<>(activity, method, request, heartbeats, true);
  }

  @Override
  public List<Class<?>> activities() {
    return List.of(activity);
  }

  /**
   * Which method {@code reference} calls: it is called once on a stand-in that notes the method.
   * The workflow schedules the activity by that method's Temporal name and result type.
   */
  private static <A> Method methodOf(Class<A> activity, ActivityMethod<A, ?, ?> reference) {
    Method[] called = new Method[1];
    A standIn =
        activity.cast(
            Proxy.newProxyInstance(
                activity.getClassLoader(),
                new Class<?>[] {activity},
                (proxy, method, args) -> {
                  called[0] = method;
                  return null;
                }));
    reference.call(standIn, null);
    if (called[0] == null) {
      throw new IllegalArgumentException(
          "the method reference calls no method of " + activity.getName());
    }
    return called[0];
  }
}
