package dev.lifeboat.app.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.ArrayList;
import java.util.List;

/**
 * Who may call the API. Tokens live in the database (made with {@code POST /api/tokens}) and,
 * optionally, here: each entry holds the token's SHA-256, never the token (make one with {@code
 * lifeboat token NAME --role ROLE}). When neither holds any token at start, an admin token is made,
 * printed once and written to {@code bootstrapTokenFile}.
 */
public class AuthConfig {
  @JsonProperty @Valid @NotNull private List<ConfiguredToken> tokens = new ArrayList<>();

  /** Where the first start writes the admin token it made (readable by the owner only). */
  @JsonProperty @NotEmpty private String bootstrapTokenFile = "data/initial-admin-token";

  public List<ConfiguredToken> getTokens() {
    return tokens;
  }

  public String getBootstrapTokenFile() {
    return bootstrapTokenFile;
  }

  /** A token defined in the configuration: its holder's name and role, and its hash. */
  public static class ConfiguredToken {
    @JsonProperty
    @NotNull
    @Pattern(regexp = TokenNames.PATTERN, message = TokenNames.RULE)
    private String name;

    @JsonProperty @NotNull private Role role;

    @JsonProperty
    @NotNull
    @Pattern(
        regexp = "[0-9a-f]{64}",
        message = "must be the token's SHA-256 in lower-case hex (lifeboat token prints it)")
    private String sha256;

    public ConfiguredToken() {}

    public ConfiguredToken(String name, Role role, String sha256) {
      this.name = name;
      this.role = role;
      this.sha256 = sha256;
    }

    public String getName() {
      return name;
    }

    public Role getRole() {
      return role;
    }

    public String getSha256() {
      return sha256;
    }
  }
}
