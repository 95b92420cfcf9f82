package dev.lifeboat.app.api;

/**
 * The body of {@code POST /api/runs/{id}/steps/{stepId}/acknowledge}: {@code {"outcome": "ok" |
 * "gap", "notes": "..."}}. Who acknowledges is the caller, never a field of the body.
 */
public record AcknowledgeBody(String outcome, String notes) {}
