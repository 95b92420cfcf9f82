package dev.lifeboat.app.cli;

import dev.lifeboat.app.LifeboatConfiguration;
import dev.lifeboat.app.worker.SiteWorker;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.logging.common.LoggingUtil;
import java.util.concurrent.CountDownLatch;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

/**
 * {@code lifeboat worker --site dr-east config.yml}: runs the steps routed to a site, next to its
 * data, until the process is stopped (SIGTERM or Ctrl-C stop it cleanly: polling ends, running
 * steps get a few seconds to finish, and Temporal retries what did not).
 */
public final class WorkerCommand extends ConfiguredCommand<LifeboatConfiguration> {
  public WorkerCommand() {
    super("worker", "Run the steps routed to a site (site: on a step or a host)");
  }

  @Override
  public void configure(Subparser subparser) {
    super.configure(subparser);
    subparser
        .addArgument("--site")
        .required(true)
        .help("the site this worker is at, e.g. dr-east; it polls <temporal.taskQueue>@<site>");
  }

  @Override
  protected void run(
      Bootstrap<LifeboatConfiguration> bootstrap,
      Namespace namespace,
      LifeboatConfiguration configuration)
      throws Exception {
    SiteWorker worker = SiteWorker.start(configuration, namespace.getString("site"));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  worker.close();
                  // The JVM halts once this hook returns; the console appender is asynchronous,
                  // so flush it here or the last lines ("… stopped") may never be written.
                  LoggingUtil.getLoggerContext().stop();
                  stopped.countDown();
                },
                "lifeboat-worker-shutdown"));
    stopped.await();
  }

  @Override
  public void onError(Cli cli, Namespace namespace, Throwable e) {
    cli.getStdErr().println(e.getMessage());
  }
}
