package dev.lifeboat.app.cli;

import dev.lifeboat.app.LifeboatConfiguration;
import dev.lifeboat.app.chain.Integrity;
import dev.lifeboat.app.store.RecordIntegrity;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import java.io.PrintStream;
import java.util.List;
import java.util.function.IntConsumer;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code lifeboat audit verify [--run ID] config.yml}: recomputes the record's hash chains from the
 * database and prints each one as intact (with its head) or where it is first broken and how. Works
 * without the server: against the embedded PostgreSQL (the running service's, or started for the
 * check) or the configured one. Exits 1 when a chain is broken.
 */
public final class AuditCommand extends ConfiguredCommand<LifeboatConfiguration> {
  /** The exit code of a broken chain. */
  static final int BROKEN = 1;

  private final PrintStream out;
  private final IntConsumer exit;

  /**
   * @param exit ends the process with a code ({@code System::exit}); a test passes a recorder
   */
  public AuditCommand(PrintStream out, IntConsumer exit) {
    super("audit", "Check that the record of runs and the audit log were not edited (hash chains)");
    this.out = out;
    this.exit = exit;
  }

  @Override
  public void configure(Subparser subparser) {
    subparser.addArgument("action").choices("verify").help("verify: recompute every hash chain");
    subparser.addArgument("--run").help("check only this run's chain (its id)");
    super.configure(subparser);
  }

  @Override
  protected void run(
      Bootstrap<LifeboatConfiguration> bootstrap,
      Namespace namespace,
      LifeboatConfiguration configuration)
      throws Exception {
    OfflineRecord.use(
        bootstrap,
        configuration,
        "lifeboat-audit",
        record -> {
          List<Integrity> chains = check(new RecordIntegrity(record), namespace);
          chains.forEach(chain -> out.println(chain.describe()));
          if (!chains.stream().allMatch(Integrity::intact)) {
            exit.accept(BROKEN);
          }
        });
  }

  private static List<Integrity> check(RecordIntegrity integrity, Namespace namespace) {
    String run = namespace.getString("run");
    if (run == null) {
      return integrity.all();
    }
    return List.of(
        integrity
            .run(run)
            .orElseThrow(() -> new IllegalArgumentException("the record has no run " + run)));
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    cli.getStdErr().println(e.getMessage());
  }
}
