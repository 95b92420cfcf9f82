package dev.lifeboat.runbook;

import dev.lifeboat.activities.backup.ReadDepth;
import dev.lifeboat.activities.backup.VerifyBackupRequest;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@code verify-backup}: reads {@link VerifyBackupStep}; with {@code host} the file is on it. */
final class VerifyBackupStepReader implements StepReader<VerifyBackupStep> {
  /** One byte: an empty file is never a backup. */
  private static final long DEFAULT_MIN_SIZE = 1;

  @Override
  public List<String> fields() {
    return List.of("path", "max_age", "min_size", "require_checksum", "host", "depth");
  }

  @Override
  public Optional<VerifyBackupStep> read(Input step) {
    int mark = step.problems().count();
    YamlMap fields = step.fields();
    Optional<String> path = fields.required("path").flatMap(step.references()::text);
    // A backup older than the RPO is exactly the data loss the plan promised not to exceed.
    Optional<Duration> maxAge = fields.optional("max_age").map(Field::duration).orElse(step.rpo());
    long minSize =
        fields
            .optional("min_size")
            .flatMap(f -> f.integer(0, Long.MAX_VALUE))
            .orElse(DEFAULT_MIN_SIZE);
    boolean requireChecksum =
        fields.optional("require_checksum").flatMap(Field::bool).orElse(false);
    Optional<String> host =
        fields
            .optional("host")
            .flatMap(f -> ConfiguredNames.HOSTS.read(f, step.references(), step.knownHosts()));
    // Read in full unless the plan opts out for a dump too large to read on every check.
    ReadDepth depth =
        fields.optional("depth").flatMap(f -> f.choice(ReadDepth.values())).orElse(ReadDepth.FULL);
    if (step.problems().since(mark) || path.isEmpty() || maxAge.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new VerifyBackupStep(
            step.id(),
            step.policy(),
            new VerifyBackupRequest(
                path.get(), maxAge.get(), minSize, requireChecksum, host.orElse(null), depth)));
  }
}
