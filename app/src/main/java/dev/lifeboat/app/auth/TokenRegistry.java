package dev.lifeboat.app.auth;

import dev.lifeboat.app.auth.AuthConfig.ConfiguredToken;
import dev.lifeboat.app.refusal.Refusal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Makes and revokes database tokens. Each change and its audit event are written in one
 * transaction, under one advisory lock so two servers starting at once cannot both bootstrap, and
 * two admins cannot revoke the last two admin tokens at once.
 */
public final class TokenRegistry {
  /** The system's own name in the record, for the token it makes at first start. */
  public static final String SYSTEM = "lifeboat";

  private static final long LOCK = 0x4c4946454254_4b4eL; // "LIFEBTKN"

  private final Jdbi jdbi;
  private final List<ConfiguredToken> configured;
  private final SecureRandom random;
  private final Clock clock;

  public TokenRegistry(
      Jdbi jdbi, List<ConfiguredToken> configured, SecureRandom random, Clock clock) {
    this.jdbi = jdbi;
    this.configured = List.copyOf(configured);
    this.random = random;
    this.clock = clock;
  }

  /** A token just made: its text (shown once, never again) and its row. */
  public record Issued(ApiToken token, TokenRow row) {}

  public Issued create(String name, Role role, String createdBy) {
    if (name == null || !name.matches(TokenNames.PATTERN)) {
      throw Refusal.malformed(
          "bad_token_name", TokenNames.RULE + "; got '" + TokenNames.shorten(name) + "'");
    }
    return jdbi.inTransaction(
        handle -> {
          lock(handle);
          return issue(handle, name, role, createdBy, "token.created");
        });
  }

  /**
   * At first start, when no token exists anywhere (none in the database, revoked ones included, and
   * none in the configuration), makes an admin token. Empty on every later start.
   */
  public Optional<Issued> bootstrap() {
    return jdbi.inTransaction(
        handle -> {
          lock(handle);
          if (!configured.isEmpty() || handle.attach(TokenDao.class).count() > 0) {
            return Optional.empty();
          }
          return Optional.of(issue(handle, "admin", Role.ADMIN, SYSTEM, "token.bootstrapped"));
        });
  }

  /** Revokes a live token; the row stays, with who revoked it and when. */
  public TokenRow revoke(String id, String revokedBy) {
    return jdbi.inTransaction(
        handle -> {
          lock(handle);
          TokenDao tokens = handle.attach(TokenDao.class);
          TokenRow token =
              tokens
                  .find(id)
                  .orElseThrow(
                      () ->
                          Refusal.notFound(
                              "unknown_token",
                              "no database token with id "
                                  + id
                                  + "; a token from the configuration is removed from"
                                  + " config.yml"));
          if (token.isRevoked()) {
            throw Refusal.conflict(
                "token_revoked", "token " + id + " was already revoked by " + token.revokedBy());
          }
          if (isLastAdmin(tokens, token)) {
            throw Refusal.conflict(
                "last_admin_token",
                "token "
                    + id
                    + " is the last live admin token; make another admin token first, or nobody"
                    + " could manage tokens any more");
          }
          Instant now = now();
          tokens.revoke(id, revokedBy, now);
          audit(handle, revokedBy, "token.revoked", token);
          return tokens.find(id).orElseThrow();
        });
  }

  public List<TokenRow> all() {
    return jdbi.withExtension(TokenDao.class, TokenDao::all);
  }

  private boolean isLastAdmin(TokenDao tokens, TokenRow token) {
    if (!token.role().equals(Role.ADMIN.apiName())
        || configured.stream().anyMatch(c -> c.getRole() == Role.ADMIN)) {
      return false;
    }
    return tokens.all().stream()
        .noneMatch(
            other ->
                !other.id().equals(token.id())
                    && !other.isRevoked()
                    && other.role().equals(Role.ADMIN.apiName()));
  }

  private Issued issue(Handle handle, String name, Role role, String createdBy, String action) {
    ApiToken token = ApiToken.generate(random);
    TokenRow row =
        new TokenRow(
            token.id(), name, role.apiName(), token.sha256(), createdBy, now(), null, null);
    handle.attach(TokenDao.class).insert(row);
    audit(handle, createdBy, action, row);
    return new Issued(token, row);
  }

  /** The detail is built by hand: names match {@link TokenNames#PATTERN}, so need no escaping. */
  private void audit(Handle handle, String actor, String action, TokenRow token) {
    handle
        .attach(AuditDao.class)
        .append(
            new AuditDao.AuditEvent(
                0,
                now(),
                actor,
                action,
                "token:" + token.id(),
                "{\"name\": \"%s\", \"role\": \"%s\"}".formatted(token.name(), token.role())));
  }

  private static void lock(Handle handle) {
    handle.execute("select pg_advisory_xact_lock(?)", LOCK);
  }

  /** Microseconds, as PostgreSQL keeps them, so a row read back equals the row written. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
