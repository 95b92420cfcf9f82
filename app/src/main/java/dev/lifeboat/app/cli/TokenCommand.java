package dev.lifeboat.app.cli;

import dev.lifeboat.app.auth.ApiToken;
import dev.lifeboat.app.auth.Role;
import dev.lifeboat.app.auth.TokenNames;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.security.SecureRandom;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code lifeboat token NAME --role ROLE}: makes a token for the configuration, offline. Prints the
 * token (for its holder) and the {@code auth.tokens} entry for config.yml, which holds only its
 * hash. Needs no server: the way back in when every database token is lost or revoked.
 */
public final class TokenCommand extends Command {
  private final PrintStream out;

  public TokenCommand(PrintStream out) {
    super("token", "Make an API token for config.yml (auth.tokens); prints the token once");
    this.out = out;
  }

  @Override
  public void configure(Subparser subparser) {
    subparser.addArgument("name").help("who holds it: a person or a service account");
    subparser
        .addArgument("--role")
        .required(true)
        .choices(
            Role.VIEWER.apiName(),
            Role.OPERATOR.apiName(),
            Role.COMMANDER.apiName(),
            Role.ADMIN.apiName())
        .help("viewer, operator, commander or admin");
  }

  @Override
  public void run(Bootstrap<?> bootstrap, Namespace namespace) {
    String name = namespace.getString("name");
    if (!name.matches(TokenNames.PATTERN)) {
      throw new IllegalArgumentException(TokenNames.RULE + "; got '" + name + "'");
    }
    Role role = Role.parse(namespace.getString("role"));
    ApiToken token = ApiToken.generate(new SecureRandom());
    out.printf(
        "The token for %s (%s); give it to its holder, it is not kept anywhere:%n%n",
        name, role.apiName());
    out.printf("  %s%n%n", token.reveal());
    out.printf("Add this to config.yml (it holds only the token's SHA-256) and restart:%n%n");
    out.printf(
        "auth:%n  tokens:%n    - name: %s%n      role: %s%n      sha256: %s%n",
        name, role.apiName(), token.sha256());
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    cli.getStdErr().println(e.getMessage());
  }
}
