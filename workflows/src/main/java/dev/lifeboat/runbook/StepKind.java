package dev.lifeboat.runbook;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything Lifeboat knows about one step kind, declared once in {@link StepKinds}: its YAML name,
 * the record its steps are, its reader, whether it has side effects and how it runs. The parser,
 * the JSON form of steps, the published schema, the workflow's dispatch and activity options and
 * the workers' registrations are all driven from these; {@code StepKindsTest} fails when a kind is
 * missing from one of them.
 *
 * @param <S> the step record of this kind
 */
public final class StepKind<S extends Step> {
  private final String name;
  private final Class<S> type;
  private final StepReader<S> reader;
  private final SideEffects sideEffects;
  private final StepExecution<S> execution;
  private final List<String> drillFields;

  /**
   * @param name the YAML spelling, e.g. {@code verify-backup}; also the step's {@code kind} in JSON
   *     and the name of its schema fragment
   */
  StepKind(
      String name,
      Class<S> type,
      StepReader<S> reader,
      SideEffects sideEffects,
      List<String> drillFields,
      StepExecution<S> execution) {
    this.name = Objects.requireNonNull(name, "name");
    this.type = Objects.requireNonNull(type, "type");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.sideEffects = Objects.requireNonNull(sideEffects, "sideEffects");
    this.execution = Objects.requireNonNull(execution, "execution");
    this.drillFields = List.copyOf(drillFields);
    if (!reader.fields().containsAll(this.drillFields)) {
      throw new IllegalArgumentException(name + " may only override its own fields in a drill");
    }
  }

  /** The YAML spelling, e.g. {@code verify-backup}. */
  public String name() {
    return name;
  }

  public Class<S> type() {
    return type;
  }

  public SideEffects sideEffects() {
    return sideEffects;
  }

  /**
   * The fields a step of this kind may override in a drill ({@code drill: {field: …}}): where it
   * acts and what it says, never what it is (its kind, id or policy).
   */
  public List<String> drillFields() {
    return drillFields;
  }

  public StepExecution<S> execution() {
    return execution;
  }

  /** The activity interfaces its steps call: what a worker that runs them registers. */
  public List<Class<?>> activities() {
    return execution.activities();
  }

  /**
   * Whether its steps always run on the server's own worker, never at a site; a {@code site:} on
   * such a step is a problem of the plan.
   */
  public boolean mainWorkerOnly() {
    return execution instanceof ActivityCall<?, ?> call && call.mainWorkerOnly();
  }

  /** Where its part of the runbook JSON Schema is, on the class path. */
  String schemaFragment() {
    return "/dev/lifeboat/runbook/schema/kinds/" + name + ".json";
  }

  /** The fields of this kind, besides id, kind and the policy fields. */
  List<String> fields() {
    return reader.fields();
  }

  Optional<Step> read(StepReader.Input step) {
    return reader.read(step).map(Step.class::cast);
  }

  @Override
  public String toString() {
    return name;
  }
}
