package dev.lifeboat.app.chain;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * What each chained record hashes: its stored values as a canonical JSON object ({@link
 * CanonicalJson}). Times are ISO-8601 in UTC as {@link Instant#toString()} writes them, at the
 * microsecond precision PostgreSQL keeps; {@code detail} is the JSON value itself, not its text.
 * Sequence numbers are not hashed: the order is the chain's, so renumbering shows as a broken link.
 */
public final class ChainContent {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ChainContent() {}

  /** A run's identity: the first event of the run's chain links to its hash. */
  public static String runIdentity(
      String runId,
      String planName,
      String planSha256,
      String mode,
      String params,
      String launcher,
      String workflowId,
      Instant createdAt) {
    ObjectNode run = NODES.objectNode();
    run.put("run", runId);
    run.put("plan", planName);
    run.put("planSha256", planSha256);
    run.put("mode", mode);
    run.set("params", CanonicalJson.tree(params));
    run.put("launcher", launcher);
    run.put("workflow", workflowId);
    run.put("createdAt", time(createdAt));
    return CanonicalJson.of(run);
  }

  /** One {@code run_events} row. */
  public static String runEvent(
      String runId,
      String type,
      Instant at,
      String stage,
      String stepId,
      String kind,
      int attempt,
      String message,
      String detail) {
    ObjectNode event = NODES.objectNode();
    event.put("run", runId);
    event.put("type", type);
    event.put("at", time(at));
    event.put("stage", stage);
    event.put("step", stepId);
    event.put("kind", kind);
    event.put("attempt", attempt);
    event.put("message", message);
    event.set("detail", detail == null ? NODES.nullNode() : CanonicalJson.tree(detail));
    return CanonicalJson.of(event);
  }

  /** One {@code audit_events} row. */
  public static String auditEvent(
      Instant at, String actor, String action, String subject, String detail) {
    ObjectNode event = NODES.objectNode();
    event.put("at", time(at));
    event.put("actor", actor);
    event.put("action", action);
    event.put("subject", subject);
    event.set("detail", detail == null ? NODES.nullNode() : CanonicalJson.tree(detail));
    return CanonicalJson.of(event);
  }

  /** One {@code run_actions} row. */
  public static String runAction(
      String runId, String action, String actor, Instant at, String detail) {
    ObjectNode event = NODES.objectNode();
    event.put("run", runId);
    event.put("action", action);
    event.put("actor", actor);
    event.put("at", time(at));
    event.set("detail", detail == null ? NODES.nullNode() : CanonicalJson.tree(detail));
    return CanonicalJson.of(event);
  }

  /** One {@code schedule_events} row. */
  public static String scheduleEvent(
      String scheduleId,
      String type,
      Instant at,
      String actor,
      Instant fireAt,
      String runId,
      String message) {
    ObjectNode event = NODES.objectNode();
    event.put("schedule", scheduleId);
    event.put("type", type);
    event.put("at", time(at));
    event.put("actor", actor);
    event.put("fireAt", time(fireAt));
    event.put("run", runId);
    event.put("message", message);
    return CanonicalJson.of(event);
  }

  /**
   * One {@code finding_events} row. A {@code created} event also hashes its finding's identity (the
   * {@code findings} row, {@link #findingIdentity}), so that row cannot be edited unseen either;
   * other events pass {@code identity} null and leave it out.
   */
  public static String findingEvent(
      long finding, String type, Instant at, String actor, String detail, String identity) {
    ObjectNode event = NODES.objectNode();
    event.put("finding", finding);
    event.put("type", type);
    event.put("at", time(at));
    event.put("actor", actor);
    event.set("detail", detail == null ? NODES.nullNode() : CanonicalJson.tree(detail));
    if (identity != null) {
      event.set("identity", CanonicalJson.tree(identity));
    }
    return CanonicalJson.of(event);
  }

  /** One {@code findings} row (a finding's identity), as its {@code created} event hashes it. */
  public static String findingIdentity(
      long id,
      String plan,
      String runId,
      String stepId,
      String objective,
      String origin,
      String title,
      Instant createdAt,
      String createdBy) {
    ObjectNode finding = NODES.objectNode();
    finding.put("id", id);
    finding.put("plan", plan);
    finding.put("run", runId);
    finding.put("step", stepId);
    finding.put("objective", objective);
    finding.put("origin", origin);
    finding.put("title", title);
    finding.put("createdAt", time(createdAt));
    finding.put("createdBy", createdBy);
    return CanonicalJson.of(finding);
  }

  private static String time(Instant at) {
    return at == null ? null : at.toString();
  }
}
