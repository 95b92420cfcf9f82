package dev.lifeboat.app.findings;

import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Who may own a finding: someone Lifeboat knows, so an owner can be reached and can act on it. That
 * is the plan's {@code owner}, or the name of a token holder: a token of the configuration ({@code
 * auth.tokens}) or one issued through the API and not revoked.
 */
public final class FindingOwners {
  private final Jdbi jdbi;
  private final Set<String> configured;

  public FindingOwners(Jdbi jdbi, Set<String> configuredTokenNames) {
    this.jdbi = jdbi;
    this.configured = Set.copyOf(configuredTokenNames);
  }

  public boolean known(String owner, String planOwner) {
    return owner.equals(planOwner)
        || configured.contains(owner)
        || jdbi.withHandle(
            handle ->
                handle
                    .createQuery(
                        """
                        select exists (select 1 from api_tokens
                                        where name = :name and revoked_at is null)
                        """)
                    .bind("name", owner)
                    .mapTo(Boolean.class)
                    .one());
  }
}
