package dev.lifeboat.app.auth;

import dev.lifeboat.app.refusal.Refusal;
import java.security.Principal;
import java.util.Objects;

/**
 * Who is calling, as established from their token: the name recorded as launcher, canceller,
 * approver; never taken from a request body.
 *
 * @param tokenId the token's public id ({@code config:<name>} for a token from the configuration)
 */
public record Caller(String name, Role role, String tokenId) implements Principal {
  public Caller {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(tokenId, "tokenId");
  }

  @Override
  public String getName() {
    return name;
  }

  /** Refuses (not allowed) unless this caller's role includes {@code needed}. */
  public void require(Role needed, String action) {
    if (!role.includes(needed)) {
      throw forbidden(needed, action);
    }
  }

  Refusal forbidden(Role needed, String action) {
    return Refusal.notAllowed(
        "forbidden",
        "to "
            + action
            + " needs role "
            + needed.apiName()
            + " or higher; "
            + name
            + " has role "
            + role.apiName());
  }
}
