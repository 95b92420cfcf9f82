package dev.lifeboat.workflow;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.StepFailures;
import io.temporal.activity.Activity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the fake step activities do, per step id: succeed (the default), fail some attempts, wait
 * for each other, or run until released. Records every attempt's start and end so tests can see
 * order and overlap.
 */
final class StepScript {
  /** One attempt of a step; throwing fails the attempt. */
  interface Behaviour {
    void perform(int attempt) throws Exception;
  }

  private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());

  StepScript on(String stepId, Behaviour behaviour) {
    behaviours.put(stepId, behaviour);
    return this;
  }

  /** Runs one attempt of the step and returns its summary. */
  String perform(String stepId) {
    int attempt = attempts.computeIfAbsent(stepId, id -> new AtomicInteger()).incrementAndGet();
    log.add("start " + stepId);
    try {
      behaviours.getOrDefault(stepId, any -> {}).perform(attempt);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      log.add("end " + stepId);
    }
    return stepId + " done on attempt " + attempt;
  }

  int attempts(String stepId) {
    AtomicInteger count = attempts.get(stepId);
    return count == null ? 0 : count.get();
  }

  List<String> log() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  static Behaviour failFirst(int failures, StepFailureType type) {
    return attempt -> {
      if (attempt <= failures) {
        throw StepFailures.of(type, "planned failure on attempt " + attempt);
      }
    };
  }

  static Behaviour failAlways(StepFailureType type, String message) {
    return attempt -> {
      throw StepFailures.of(type, message);
    };
  }

  /** Passes only when every party reaches the barrier: proof that the steps overlap in time. */
  static Behaviour meetAt(CyclicBarrier barrier) {
    return attempt -> barrier.await(10, TimeUnit.SECONDS);
  }

  static Behaviour sleep(Duration duration) {
    return attempt -> Thread.sleep(duration.toMillis());
  }

  /**
   * Heartbeats until {@code release} opens; a cancelled run surfaces here as the heartbeat's {@code
   * ActivityCanceledException}, which ends the attempt.
   */
  static Behaviour heartbeatUntil(CountDownLatch started, CountDownLatch release) {
    return attempt -> {
      started.countDown();
      while (!release.await(50, TimeUnit.MILLISECONDS)) {
        Activity.getExecutionContext().heartbeat("still restoring");
      }
    };
  }
}
