package dev.lifeboat.activities.secrets;

import dev.lifeboat.activities.ssh.SecretReference;

/**
 * Where secret values come from. Activities ask at the moment of use, so a value is never part of a
 * workflow input, and a rotated secret is picked up by the next step without a restart.
 *
 * <p>Promise: a value is returned only to the caller; a failure is an {@code ApplicationFailure} of
 * type BAD_CONFIG, not retryable, whose message names the reference (safe to print) and never the
 * value.
 */
public interface Secrets {
  /**
   * The value {@code reference} points at; never empty.
   *
   * @throws io.temporal.failure.ApplicationFailure BAD_CONFIG when it is unset, unreadable or empty
   */
  String resolve(SecretReference reference);
}
