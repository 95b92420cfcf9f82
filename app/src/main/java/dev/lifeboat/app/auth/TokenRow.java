package dev.lifeboat.app.auth;

import java.time.Instant;

/** One row of {@code api_tokens}. Never leaves the server with its hash. */
public record TokenRow(
    String id,
    String name,
    String role,
    String tokenSha256,
    String createdBy,
    Instant createdAt,
    String revokedBy,
    Instant revokedAt) {

  public boolean isRevoked() {
    return revokedAt != null;
  }
}
