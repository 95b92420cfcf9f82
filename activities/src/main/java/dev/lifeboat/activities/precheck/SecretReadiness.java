package dev.lifeboat.activities.precheck;

import dev.lifeboat.activities.secrets.Secrets;
import dev.lifeboat.activities.ssh.SecretReference;
import io.temporal.failure.ApplicationFailure;

/**
 * Resolves a secret reference on this worker, where the step would resolve it, and forgets the
 * value at once: the line names the reference, never the value (a failure of {@link Secrets} never
 * holds one either).
 */
final class SecretReadiness {
  private final Secrets secrets;

  SecretReadiness(Secrets secrets) {
    this.secrets = secrets;
  }

  CheckLine check(String stepId, String reference) {
    String check = "secret " + reference;
    try {
      secrets.resolve(new SecretReference(reference));
      return CheckLine.ok(stepId, check, "resolvable on this worker");
    } catch (ApplicationFailure failure) {
      return CheckLine.fail(stepId, check, failure.getOriginalMessage());
    } catch (IllegalArgumentException e) {
      return CheckLine.fail(stepId, check, "not a secret reference");
    }
  }
}
