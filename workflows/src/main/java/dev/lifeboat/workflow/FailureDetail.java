package dev.lifeboat.workflow;

/**
 * The detail of a {@code step.failed} event.
 *
 * @param type the {@code ApplicationFailure} type (a {@code StepFailureType} name), or {@code
 *     TIMEOUT} / {@code CANCELLED} / the failure class for anything else
 * @param message the failure in plain words, as in the step's summary
 */
public record FailureDetail(String type, String message) {}
