package dev.lifeboat.app;

import dev.lifeboat.app.auth.ApiToken;
import dev.lifeboat.app.auth.AuthConfig.ConfiguredToken;
import dev.lifeboat.app.auth.Role;
import java.util.Arrays;
import java.util.List;

/**
 * The tokens {@code test-config.yml} defines (by hash), one per role, named {@code test-<role>}.
 * For tests only: they are public, so never put their hashes in a real configuration.
 */
public final class TestTokens {
  public static final String VIEWER = "lb_7e5700000000_viewer-test-token-for-tests-only-xxxxxxxxxx";
  public static final String OPERATOR =
      "lb_7e5700000001_operator-test-token-for-tests-only-xxxxxxxx";
  public static final String COMMANDER =
      "lb_7e5700000002_commander-test-token-for-tests-only-xxxxxxx";
  public static final String ADMIN = "lb_7e5700000003_admin-test-token-for-tests-only-xxxxxxxxxxx";

  private TestTokens() {}

  public static String of(Role role) {
    return switch (role) {
      case VIEWER -> VIEWER;
      case OPERATOR -> OPERATOR;
      case COMMANDER -> COMMANDER;
      case ADMIN -> ADMIN;
    };
  }

  /** The tokens as {@code test-config.yml} defines them, for an API built without the app. */
  public static List<ConfiguredToken> configured() {
    return Arrays.stream(Role.values())
        .map(role -> new ConfiguredToken(nameOf(role), role, sha256(of(role))))
        .toList();
  }

  private static String sha256(String token) {
    return ApiToken.parse(token).orElseThrow().sha256();
  }

  /** The name the server records for the token of {@code role}. */
  public static String nameOf(Role role) {
    return "test-" + role.apiName();
  }
}
