package dev.lifeboat.app.worker;

import dev.lifeboat.activities.SiteNames;
import dev.lifeboat.activities.process.PidFileToolLedger;
import dev.lifeboat.activities.secrets.LocalSecrets;
import dev.lifeboat.app.LifeboatConfiguration;
import dev.lifeboat.app.temporal.TemporalConnection;
import dev.lifeboat.workflow.SiteQueues;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker at a site: polls {@code <taskQueue>@<site>} on the configured Temporal ({@code
 * temporal.target}) and runs the steps routed there with the {@link StepActivities}. No workflow,
 * no run record, no API, no database: the server that launched the run keeps those.
 */
public final class SiteWorker implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SiteWorker.class);

  private final TemporalConnection connection;
  private final WorkerHost host;
  private final String queue;
  private final PidFileToolLedger tools;

  private SiteWorker(
      TemporalConnection connection, WorkerHost host, String queue, PidFileToolLedger tools) {
    this.connection = connection;
    this.host = host;
    this.queue = queue;
    this.tools = tools;
  }

  /** Connects (lazily) and starts polling; {@link #close} stops it. */
  public static SiteWorker start(LifeboatConfiguration config, String site) {
    String queue = SiteQueues.of(config.getTemporal().getTaskQueue(), SiteNames.require(site));
    // Its own tool directory, so a server and workers of other sites can share the data folder.
    PidFileToolLedger tools =
        PidFileToolLedger.open(Path.of(config.getDataDirectory(), "tools-" + site));
    StepActivities steps = StepActivities.forSiteWorker(config, LocalSecrets.ofProcess(), tools);
    TemporalConnection connection =
        TemporalConnection.to(
            config.getTemporal().getTarget(), config.getTemporal().getNamespace());
    WorkerHost host =
        new WorkerHost(
            connection,
            List.of(new WorkerHost.Queue(queue, List.of(), steps.activities())),
            config.getTemporal().isStickyExecution());
    try {
      host.start();
    } catch (RuntimeException e) {
      connection.stop();
      tools.close();
      throw new IllegalStateException(
          "cannot reach Temporal at "
              + config.getTemporal().getTarget()
              + " (temporal.target) in namespace "
              + config.getTemporal().getNamespace()
              + ": "
              + e.getMessage(),
          e);
    }
    LOG.info(
        "worker for site {} polling task queue {} on {}",
        site,
        queue,
        config.getTemporal().getTarget());
    return new SiteWorker(connection, host, queue, tools);
  }

  public String taskQueue() {
    return queue;
  }

  /** Lets running steps finish briefly, then disconnects. */
  @Override
  public void close() {
    host.stop();
    connection.stop();
    tools.close();
    LOG.info("worker for task queue {} stopped", queue);
  }
}
