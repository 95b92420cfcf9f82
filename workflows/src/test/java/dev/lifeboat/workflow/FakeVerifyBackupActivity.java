package dev.lifeboat.workflow;

import dev.lifeboat.activities.backup.VerifyBackupActivity;
import dev.lifeboat.activities.backup.VerifyBackupRequest;
import dev.lifeboat.activities.backup.VerifyBackupResult;
import java.time.Duration;
import java.time.Instant;

/** Verifies nothing; the step id is the request's path. */
final class FakeVerifyBackupActivity implements VerifyBackupActivity {
  private final StepScript script;

  FakeVerifyBackupActivity(StepScript script) {
    this.script = script;
  }

  @Override
  public VerifyBackupResult verifyBackup(VerifyBackupRequest request) {
    String summary = script.perform(request.path());
    return new VerifyBackupResult(
        request.path(),
        1024,
        Instant.parse("2024-01-01T00:00:00Z"),
        Duration.ofMinutes(5),
        "custom",
        "abc123",
        true,
        7,
        summary,
        Instant.parse("2023-12-31T23:55:00Z"),
        "dump header",
        "full",
        1024,
        Duration.ofMillis(20));
  }
}
