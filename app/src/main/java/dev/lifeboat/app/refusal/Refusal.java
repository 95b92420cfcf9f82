package dev.lifeboat.app.refusal;

import java.util.List;
import java.util.Objects;

/**
 * A request Lifeboat turns down, in the domain's words: what kind of refusal it is, a stable
 * machine-readable code (e.g. {@code unknown_plan}), a sentence for a person and each individual
 * problem. {@code runs} and {@code auth} throw these and know nothing of HTTP; {@code api} answers
 * each kind with its status and the usual JSON error body.
 */
public final class Refusal extends RuntimeException {
  /** Why a request is refused. */
  public enum Kind {
    /** The caller could not be identified: no token, or one that was not accepted. */
    NOT_AUTHENTICATED,
    /** The request is missing something or misstates it: a field, a name, a role. */
    MALFORMED,
    /** The caller may not do this: their role is not enough, or nobody may. */
    NOT_ALLOWED,
    /** What the request names does not exist: a plan, a run, a step, a token. */
    NOT_FOUND,
    /** What the request names is not in a state that allows it: the run ended, the last admin. */
    CONFLICT,
    /** Well-formed, but it breaks the plan's rules: launch values, a drill touching production. */
    INVALID,
    /** Something Lifeboat needs cannot be reached just now (Temporal); asking later may work. */
    UNAVAILABLE
  }

  private final Kind kind;
  private final String code;
  private final List<String> details;

  public Refusal(Kind kind, String code, String message, List<String> details) {
    super(message);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.code = Objects.requireNonNull(code, "code");
    this.details = List.copyOf(details);
  }

  public static Refusal notAuthenticated(String code, String message) {
    return new Refusal(Kind.NOT_AUTHENTICATED, code, message, List.of());
  }

  public static Refusal malformed(String code, String message) {
    return new Refusal(Kind.MALFORMED, code, message, List.of());
  }

  public static Refusal notAllowed(String code, String message) {
    return new Refusal(Kind.NOT_ALLOWED, code, message, List.of());
  }

  public static Refusal notFound(String code, String message) {
    return new Refusal(Kind.NOT_FOUND, code, message, List.of());
  }

  public static Refusal conflict(String code, String message) {
    return new Refusal(Kind.CONFLICT, code, message, List.of());
  }

  public static Refusal invalid(String code, String message, List<String> details) {
    return new Refusal(Kind.INVALID, code, message, details);
  }

  public static Refusal unavailable(String code, String message) {
    return new Refusal(Kind.UNAVAILABLE, code, message, List.of());
  }

  public Kind kind() {
    return kind;
  }

  /** A stable name for the refusal, e.g. {@code run_ended}. */
  public String code() {
    return code;
  }

  /** Each individual problem, e.g. each runbook problem of a launch; often empty. */
  public List<String> details() {
    return details;
  }
}
