package dev.lifeboat.workflow;

import io.temporal.api.common.v1.Payload;
import io.temporal.common.context.ContextPropagator;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.common.interceptors.Header;
import java.util.Map;
import java.util.Optional;

/**
 * Puts the id of the step an activity call belongs to in the call's Temporal header, so the worker
 * running it can say which step an attempt was of ({@link StepAttemptsInterceptor}). Set on the
 * step's activity options as their only context propagator (the app configures no others); the
 * worker reads the header directly and needs no propagator of its own.
 */
record StepHeader(String stepId) implements ContextPropagator {
  static final String KEY = "lifeboat-step";

  /** The step id an activity call carries, if the workflow put one there. */
  static Optional<String> stepOf(Header header) {
    Payload payload = header == null ? null : header.getValues().get(KEY);
    if (payload == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        DefaultDataConverter.STANDARD_INSTANCE.fromPayload(payload, String.class, String.class));
  }

  @Override
  public String getName() {
    return KEY;
  }

  @Override
  public Object getCurrentContext() {
    return stepId;
  }

  @Override
  public Map<String, Payload> serializeContext(Object context) {
    return Map.of(KEY, DefaultDataConverter.STANDARD_INSTANCE.toPayload(context).orElseThrow());
  }

  @Override
  public Object deserializeContext(Map<String, Payload> header) {
    return stepOf(new Header(header)).orElse(null);
  }

  @Override
  public void setCurrentContext(Object context) {
    // Read from the header by the worker's interceptor; there is no thread context to set.
  }
}
