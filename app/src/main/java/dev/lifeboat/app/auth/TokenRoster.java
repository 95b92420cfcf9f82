package dev.lifeboat.app.auth;

import dev.lifeboat.activities.precheck.ApproverRoster;
import dev.lifeboat.app.auth.AuthConfig.ConfiguredToken;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who could approve: the names of the tokens, issued (not revoked) or configured, that hold the
 * role or a higher one. Approvals are told apart by the caller's name, so a name is a person.
 */
public final class TokenRoster implements ApproverRoster {
  private final TokenDao tokens;
  private final List<ConfiguredToken> configured;

  public TokenRoster(TokenDao tokens, List<ConfiguredToken> configured) {
    this.tokens = tokens;
    this.configured = List.copyOf(configured);
  }

  @Override
  public int holders(String role) {
    Role needed = Role.parse(role);
    List<Role> enough = Arrays.stream(Role.values()).filter(held -> held.includes(needed)).toList();
    Set<String> names =
        new TreeSet<>(tokens.liveNamesWithRole(enough.stream().map(Role::apiName).toList()));
    configured.stream()
        .filter(token -> enough.contains(token.getRole()))
        .forEach(token -> names.add(token.getName()));
    return names.size();
  }
}
