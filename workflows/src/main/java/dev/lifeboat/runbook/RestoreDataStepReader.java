package dev.lifeboat.runbook;

import dev.lifeboat.activities.restore.RestoreDataRequest;
import dev.lifeboat.activities.restore.RestoreFormat;
import java.util.List;
import java.util.Optional;

/** {@code restore-data}: reads {@link RestoreDataStep}. */
final class RestoreDataStepReader implements StepKind {
  @Override
  public String name() {
    return RestoreDataStep.KIND;
  }

  @Override
  public Class<? extends Step> type() {
    return RestoreDataStep.class;
  }

  @Override
  public List<String> fields() {
    return List.of("source", "server", "database", "format");
  }

  @Override
  public Optional<Step> read(Input step) {
    int mark = step.problems().count();
    YamlMap fields = step.fields();
    Optional<String> source = fields.required("source").flatMap(step.references()::text);
    Optional<String> server = fields.required("server").flatMap(step.references()::text);
    Optional<String> database = fields.required("database").flatMap(step.references()::text);
    RestoreFormat format =
        fields
            .optional("format")
            .flatMap(f -> f.choice(RestoreFormat.values()))
            .orElse(RestoreFormat.AUTO);
    if (step.problems().since(mark)) {
      return Optional.empty();
    }
    return Optional.of(
        new RestoreDataStep(
            step.id(),
            step.policy(),
            new RestoreDataRequest(source.get(), server.get(), database.get(), format)));
  }
}
