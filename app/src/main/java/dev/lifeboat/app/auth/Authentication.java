package dev.lifeboat.app.auth;

import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import java.io.PrintStream;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * Wires authentication and roles into the API: every request needs a token, every resource method a
 * role; the token endpoints; and, at first start, the admin token.
 */
public final class Authentication {
  private Authentication() {}

  public static void install(
      AuthConfig config, Jdbi jdbi, JerseyEnvironment jersey, Clock clock, PrintStream console) {
    TokenRegistry registry = new TokenRegistry(jdbi, config.getTokens(), new SecureRandom(), clock);
    registry
        .bootstrap()
        .ifPresent(
            issued ->
                new InitialAdminToken(Path.of(config.getBootstrapTokenFile()), console)
                    .handOver(issued.token()));

    jersey.register(
        new BearerTokenFilter(
            new TokenAuthenticator(jdbi.onDemand(TokenDao.class), config.getTokens())));
    jersey.register(new RoleRules());
    jersey.register(new AuthValueFactoryProvider.Binder<>(Caller.class));
    jersey.register(new TokensResource(registry, config.getTokens()));
    jersey.register(new MeResource());
  }
}
