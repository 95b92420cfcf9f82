package dev.lifeboat.runbook;

import dev.lifeboat.activities.restore.RestoreDataRequest;
import dev.lifeboat.activities.restore.RestoreFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@code restore-data}: reads {@link RestoreDataStep}. Two forms: a dump into a database ({@code
 * server}, {@code database}, optional {@code format}; optional {@code host} when the dump is on a
 * host), or a tarball into a directory on a host ({@code host}, {@code to}).
 */
final class RestoreDataStepReader implements StepReader<RestoreDataStep> {
  /** The fields of a database restore, which a file restore ({@code to}) does not take. */
  private static final List<String> DATABASE_FIELDS = List.of("server", "database", "format");

  @Override
  public List<String> fields() {
    return List.of("source", "server", "database", "format", "host", "to");
  }

  @Override
  public Optional<RestoreDataStep> read(Input step) {
    int mark = step.problems().count();
    YamlMap fields = step.fields();
    Optional<String> source = fields.required("source").flatMap(step.references()::text);
    Optional<String> host =
        fields
            .optional("host")
            .flatMap(f -> ConfiguredNames.HOSTS.read(f, step.references(), step.knownHosts()));
    Optional<Field> toField = fields.optional("to");
    RestoreDataRequest request =
        toField.isPresent()
            ? files(step, toField.get(), source, host)
            : database(step, source, host);
    if (step.problems().since(mark)) {
      return Optional.empty();
    }
    return Optional.of(new RestoreDataStep(step.id(), step.policy(), request));
  }

  /** A tarball on a host into a directory there; null when a field has a problem. */
  private static RestoreDataRequest files(
      Input step, Field toField, Optional<String> source, Optional<String> host) {
    YamlMap fields = step.fields();
    Optional<String> to = step.references().text(toField);
    to.filter(path -> !path.contains("${") && (!path.startsWith("/") || path.matches("/+")))
        .ifPresent(
            path ->
                toField.fail(
                    "to must be an absolute directory path on the host other than /, got '"
                        + path
                        + "'"));
    if (!fields.has("host")) {
      toField.fail(
          "to (the directory to extract a tarball into) needs host: the configured host to"
              + " restore on");
    }
    for (String other : DATABASE_FIELDS) {
      fields
          .optional(other)
          .ifPresent(
              field ->
                  field.fail(
                      other
                          + " does not go with to: to extracts a tarball into a directory, "
                          + other
                          + " belongs to a dump restored into a database"));
    }
    if (source.isEmpty() || host.isEmpty() || to.isEmpty()) {
      return null;
    }
    return new RestoreDataRequest(source.get(), null, null, null, host.get(), to.get());
  }

  /**
   * A dump (on the worker, or on {@code host}) into a database; null when a field has a problem.
   */
  private static RestoreDataRequest database(
      Input step, Optional<String> source, Optional<String> host) {
    YamlMap fields = step.fields();
    Optional<String> server =
        fields
            .required("server")
            .flatMap(f -> ConfiguredNames.SERVERS.read(f, step.references(), step.knownServers()));
    Optional<String> database =
        fields.required("database").flatMap(f -> DatabaseField.read(f, step.references()));
    RestoreFormat format =
        fields
            .optional("format")
            .flatMap(f -> f.choice(RestoreFormat.values()))
            .orElse(RestoreFormat.AUTO);
    if (source.isEmpty() || server.isEmpty() || database.isEmpty()) {
      return null;
    }
    return new RestoreDataRequest(
        source.get(), server.get(), database.get(), format, host.orElse(null), null);
  }
}
