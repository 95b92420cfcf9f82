package dev.lifeboat.app.auth;

import dev.lifeboat.activities.Sha256;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An API token as its holder sees it: {@code lb_<id>_<secret>}. The id (48 random bits, hex) is
 * public: it names the token in listings, logs and the audit record. The secret (256 random bits,
 * base64url) is shown once and never stored; only {@link #sha256()} of the whole token is.
 *
 * <p>{@link #toString()} never prints the secret.
 */
public final class ApiToken {
  private static final Pattern FORMAT = Pattern.compile("lb_([0-9a-f]{12})_([A-Za-z0-9_-]{43})");
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final String id;
  private final String value;

  private ApiToken(String id, String value) {
    this.id = id;
    this.value = value;
  }

  /** A new token from the system's strong random source. */
  public static ApiToken generate(SecureRandom random) {
    byte[] id = new byte[6];
    byte[] secret = new byte[32];
    random.nextBytes(id);
    random.nextBytes(secret);
    String hexId = HexFormat.of().formatHex(id);
    return new ApiToken(hexId, "lb_" + hexId + "_" + BASE64URL.encodeToString(secret));
  }

  /** The token in {@code text}, if it has the shape of one. */
  public static Optional<ApiToken> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher matcher = FORMAT.matcher(text);
    return matcher.matches() ? Optional.of(new ApiToken(matcher.group(1), text)) : Optional.empty();
  }

  public String id() {
    return id;
  }

  /** The whole token, secret included: only for handing it to its holder, once. */
  public String reveal() {
    return value;
  }

  /**
   * What is stored. A plain SHA-256 suffices, where passwords need a slow salted hash (bcrypt,
   * Argon2): the secret is 256 uniformly random bits, so guessing it from the hash is as hard as
   * guessing it outright, and a fast hash keeps checking a token on every request cheap.
   */
  public String sha256() {
    return Sha256.hex(value);
  }

  @Override
  public String toString() {
    return "lb_" + id + "_…";
  }
}
