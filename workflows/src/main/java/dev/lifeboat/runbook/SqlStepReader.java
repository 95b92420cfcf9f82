package dev.lifeboat.runbook;

import dev.lifeboat.activities.sql.SqlRequest;
import java.util.List;
import java.util.Optional;

/**
 * {@code sql}: reads {@link SqlStep}. A reference in the statement is a bind parameter, or, inside
 * a double-quoted name, a checked name ({@link References#sqlStatement}); {@code database} is a
 * checked name too, {@code postgres} when not written.
 */
final class SqlStepReader implements StepReader<SqlStep> {
  /** Where a statement about whole databases (drop database) connects. */
  static final String DEFAULT_DATABASE = "postgres";

  @Override
  public List<String> fields() {
    return List.of("server", "database", "statement");
  }

  @Override
  public Optional<SqlStep> read(Input step) {
    int mark = step.problems().count();
    YamlMap fields = step.fields();
    Optional<String> server =
        fields
            .required("server")
            .flatMap(f -> ConfiguredNames.SERVERS.read(f, step.references(), step.knownServers()));
    Optional<String> database =
        fields.optional("database").isPresent()
            ? fields.optional("database").flatMap(f -> DatabaseField.read(f, step.references()))
            : Optional.of(DEFAULT_DATABASE);
    Optional<SqlText> statement =
        fields.required("statement").flatMap(step.references()::sqlStatement);
    if (step.problems().since(mark)) {
      return Optional.empty();
    }
    return Optional.of(
        new SqlStep(
            step.id(),
            step.policy(),
            new SqlRequest(
                server.get(), database.get(), statement.get().query(), statement.get().binds())));
  }
}
