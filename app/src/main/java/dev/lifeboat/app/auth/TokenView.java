package dev.lifeboat.app.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lifeboat.app.auth.AuthConfig.ConfiguredToken;
import java.time.Instant;

/**
 * A token as the API lists it: never its hash, never its secret. {@code token} (the whole token) is
 * present only in the answer that created it.
 *
 * @param source {@code database} or {@code configuration}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenView(
    String id,
    String name,
    String role,
    String source,
    String createdBy,
    Instant createdAt,
    String revokedBy,
    Instant revokedAt,
    String token) {

  static TokenView of(TokenRow row) {
    return new TokenView(
        row.id(),
        row.name(),
        row.role(),
        "database",
        row.createdBy(),
        row.createdAt(),
        row.revokedBy(),
        row.revokedAt(),
        null);
  }

  static TokenView of(ConfiguredToken token) {
    return new TokenView(
        "config:" + token.getName(),
        token.getName(),
        token.getRole().apiName(),
        "configuration",
        null,
        null,
        null,
        null,
        null);
  }

  static TokenView issued(TokenRegistry.Issued issued) {
    TokenView view = of(issued.row());
    return new TokenView(
        view.id,
        view.name,
        view.role,
        view.source,
        view.createdBy,
        view.createdAt,
        null,
        null,
        issued.token().reveal());
  }
}
