package dev.lifeboat.app.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.TestRecord;
import dev.lifeboat.app.auth.AuthConfig.ConfiguredToken;
import dev.lifeboat.app.refusal.Refusal;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TokenRegistryTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  private Jdbi jdbi;
  private TokenRegistry registry;
  private TokenAuthenticator authenticator;

  @BeforeEach
  void freshDatabase() {
    jdbi = TestRecord.create(pg, "lifeboat_tokens").jdbi();
    registry = registry(List.of());
    authenticator = new TokenAuthenticator(jdbi.onDemand(TokenDao.class), List.of());
  }

  private TokenRegistry registry(List<ConfiguredToken> configured) {
    return new TokenRegistry(jdbi, configured, new SecureRandom(), Clock.systemUTC());
  }

  @Test
  void makesAnAdminTokenAtFirstStartAndNeverAgain() {
    TokenRegistry.Issued first = registry.bootstrap().orElseThrow();

    assertThat(first.row().role()).isEqualTo("admin");
    assertThat(first.row().createdBy()).isEqualTo(TokenRegistry.SYSTEM);
    assertThat(authenticator.authenticate(first.token().reveal()))
        .contains(new Caller("admin", Role.ADMIN, first.token().id()));
    assertThat(registry.bootstrap()).as("the second start").isEmpty();
    assertThat(jdbi.onDemand(AuditDao.class).all())
        .extracting(AuditDao.AuditEvent::action, AuditDao.AuditEvent::actor)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("token.bootstrapped", "lifeboat"));
  }

  @Test
  void makesNoBootstrapTokenWhenTheConfigurationDefinesOne() {
    ConfiguredToken ci = new ConfiguredToken("ci", Role.OPERATOR, "0".repeat(64));
    assertThat(registry(List.of(ci)).bootstrap()).isEmpty();
    assertThat(registry.all()).isEmpty();
  }

  @Test
  void makesNoBootstrapTokenOnceEveryTokenWasRevoked() {
    TokenRegistry.Issued admin = registry.create("root", Role.ADMIN, "tester");
    TokenRegistry.Issued other = registry.create("alice", Role.ADMIN, "root");
    registry.revoke(admin.row().id(), "alice");

    assertThat(registry.bootstrap())
        .as("revoked tokens still count: a lockout is solved with a config token")
        .isEmpty();
    assertThat(authenticator.authenticate(admin.token().reveal())).isEmpty();
    assertThat(authenticator.authenticate(other.token().reveal())).isPresent();
  }

  @Test
  void storesOnlyTheHashAndKeepsARevokedTokenWithWhoRevokedIt() {
    TokenRegistry.Issued issued = registry.create("bob", Role.VIEWER, "root");
    TokenRow revoked = registry.revoke(issued.row().id(), "carol");

    assertThat(revoked.revokedBy()).isEqualTo("carol");
    assertThat(revoked.revokedAt()).isNotNull();
    String stored =
        jdbi.withHandle(
            handle ->
                handle
                    .createQuery("select row_to_json(t)::text from api_tokens t")
                    .mapTo(String.class)
                    .one());
    assertThat(stored)
        .contains(issued.token().sha256())
        .doesNotContain(issued.token().reveal().substring(16));
    assertThat(jdbi.onDemand(AuditDao.class).about("token:" + issued.row().id()))
        .extracting(AuditDao.AuditEvent::action, AuditDao.AuditEvent::actor)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("token.created", "root"),
            org.assertj.core.groups.Tuple.tuple("token.revoked", "carol"));
  }

  @Test
  void refusesToRevokeTwiceOrAnUnknownToken() {
    TokenRegistry.Issued issued = registry.create("bob", Role.VIEWER, "root");
    registry.revoke(issued.row().id(), "root");

    assertThatThrownBy(() -> registry.revoke(issued.row().id(), "root"))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("already revoked by root");
    assertThatThrownBy(() -> registry.revoke("000000000000", "root"))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("no database token with id 000000000000");
  }

  @Test
  void refusesToRevokeTheLastLiveAdminToken() {
    TokenRegistry.Issued only = registry.create("root", Role.ADMIN, "tester");

    assertThatThrownBy(() -> registry.revoke(only.row().id(), "root"))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("last live admin token");
    registry.create("root2", Role.ADMIN, "root");
    assertThat(registry.revoke(only.row().id(), "root").isRevoked()).isTrue();
  }

  @Test
  void letsTheLastDatabaseAdminGoWhenTheConfigurationHasAnAdmin() {
    TokenRegistry.Issued only = registry.create("root", Role.ADMIN, "tester");
    ConfiguredToken breakGlass = new ConfiguredToken("ops", Role.ADMIN, "0".repeat(64));

    assertThat(registry(List.of(breakGlass)).revoke(only.row().id(), "ops").isRevoked()).isTrue();
  }

  @Test
  void refusesANameOutsideTheRule() {
    assertThatThrownBy(() -> registry.create("bad name\"", Role.VIEWER, "root"))
        .isInstanceOf(Refusal.class)
        .hasMessageContaining("letters, digits");
  }

  @Test
  void theDatabaseRefusesToDeleteOrRewriteTokensAndAuditEvents() {
    TokenRegistry.Issued issued = registry.create("bob", Role.VIEWER, "root");

    assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("delete from api_tokens")))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("update api_tokens set role = 'admin'")))
        .hasMessageContaining("never rewritten");
    registry.revoke(issued.row().id(), "root");
    assertThatThrownBy(
            () -> jdbi.useHandle(h -> h.execute("update api_tokens set revoked_by = 'mallory'")))
        .hasMessageContaining("revocation is final");
    assertThatThrownBy(() -> jdbi.useHandle(h -> h.execute("delete from audit_events")))
        .hasMessageContaining("append-only");
    assertThatThrownBy(
            () -> jdbi.useHandle(h -> h.execute("update audit_events set actor = 'mallory'")))
        .hasMessageContaining("append-only");
  }

  @Test
  void acceptsAConfiguredTokenByItsHashAndNamesTheCallerFromTheConfiguration() {
    ApiToken token = ApiToken.generate(new SecureRandom());
    TokenAuthenticator withConfig =
        new TokenAuthenticator(
            jdbi.onDemand(TokenDao.class),
            List.of(new ConfiguredToken("deployer", Role.OPERATOR, token.sha256())));

    assertThat(withConfig.authenticate(token.reveal()))
        .contains(new Caller("deployer", Role.OPERATOR, "config:deployer"));
    assertThat(withConfig.authenticate(ApiToken.generate(new SecureRandom()).reveal())).isEmpty();
    assertThat(withConfig.authenticate("not a token")).isEmpty();
  }
}
