package dev.lifeboat.app.auth;

import dev.lifeboat.app.auth.AuthConfig.ConfiguredToken;
import io.dropwizard.auth.Authenticator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a presented token into a {@link Caller}: a live token from the database, or one defined in
 * the configuration. Hashes are compared in constant time. Nothing is cached, so a revocation takes
 * effect on the next request. Logs name a token by its public id only.
 */
public final class TokenAuthenticator implements Authenticator<String, Caller> {
  private static final Logger LOG = LoggerFactory.getLogger(TokenAuthenticator.class);

  private final TokenDao tokens;
  private final List<ConfiguredToken> configured;

  public TokenAuthenticator(TokenDao tokens, List<ConfiguredToken> configured) {
    this.tokens = tokens;
    this.configured = List.copyOf(configured);
  }

  @Override
  public Optional<Caller> authenticate(String presented) {
    Optional<ApiToken> parsed = ApiToken.parse(presented);
    if (parsed.isEmpty()) {
      LOG.info("refused a credential that is not a Lifeboat token");
      return Optional.empty();
    }
    ApiToken token = parsed.get();
    byte[] hash = bytes(token.sha256());
    Optional<Caller> fromConfig = fromConfiguration(hash);
    if (fromConfig.isPresent()) {
      return fromConfig;
    }
    Optional<TokenRow> row = tokens.find(token.id());
    if (row.isEmpty() || !MessageDigest.isEqual(bytes(row.get().tokenSha256()), hash)) {
      LOG.info("refused token {}: unknown", token);
      return Optional.empty();
    }
    if (row.get().isRevoked()) {
      LOG.info("refused token {} of {}: revoked", token, row.get().name());
      return Optional.empty();
    }
    return Optional.of(new Caller(row.get().name(), Role.parse(row.get().role()), token.id()));
  }

  /** Compares with every configured hash (no early exit), so timing says nothing of which. */
  private Optional<Caller> fromConfiguration(byte[] hash) {
    ConfiguredToken match = null;
    for (ConfiguredToken candidate : configured) {
      if (MessageDigest.isEqual(bytes(candidate.getSha256()), hash)) {
        match = candidate;
      }
    }
    return Optional.ofNullable(match)
        .map(m -> new Caller(m.getName(), m.getRole(), "config:" + m.getName()));
  }

  private static byte[] bytes(String hex) {
    return hex.getBytes(StandardCharsets.US_ASCII);
  }
}
