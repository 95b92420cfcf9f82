package dev.lifeboat.app.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lifeboat.app.embedded.EmbeddedTemporalServer;
import dev.lifeboat.app.health.TemporalHealthCheck;
import dev.lifeboat.app.temporal.TemporalConnection;
import io.dropwizard.core.setup.Environment;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where Temporal is. With {@code embedded: true} Lifeboat starts Temporal's pure-Java server in
 * real time (never time-skipping) on {@code bindAddress:port}, loopback by default; otherwise it
 * connects to {@code target} (any Temporal cluster).
 */
public class TemporalConfig {
  private static final Logger LOG = LoggerFactory.getLogger(TemporalConfig.class);

  @JsonProperty private boolean embedded = true;
  @JsonProperty @NotEmpty private String bindAddress = "127.0.0.1";

  /** 0 picks a free port (tests). */
  @JsonProperty
  @Min(0)
  @Max(65535)
  private int port = 7233;

  @JsonProperty private String target = "127.0.0.1:7233";
  @JsonProperty @NotEmpty private String namespace = "default";
  @JsonProperty @NotEmpty private String taskQueue = "lifeboat";

  /**
   * Sites whose steps this server's own worker also runs (e.g. the site it stands in), besides the
   * workers started there with {@code lifeboat worker --site}.
   */
  @JsonProperty private List<String> sites = List.of();

  /**
   * Whether workers keep runs in memory between workflow tasks and ask Temporal to send a run's
   * next task to the same worker ("sticky execution"). Unset: on for a cluster, off for the
   * embedded server. It only saves replaying a run's history (milliseconds for a runbook); and
   * Temporal's Java test server (the embedded one, or one run on its own) never hands a task
   * waiting for a dead worker to another, so with it a run whose worker was killed would wait
   * forever. Set it to false when {@code target} is such a test server.
   */
  @JsonProperty private Boolean stickyExecution;

  public boolean isEmbedded() {
    return embedded;
  }

  public String getBindAddress() {
    return bindAddress;
  }

  public int getPort() {
    return port;
  }

  public String getTarget() {
    return target;
  }

  public String getNamespace() {
    return namespace;
  }

  public String getTaskQueue() {
    return taskQueue;
  }

  public boolean isStickyExecution() {
    return stickyExecution == null ? !embedded : stickyExecution;
  }

  public List<String> getSites() {
    return sites == null ? List.of() : sites;
  }

  /**
   * The service's connection to Temporal: to the embedded server, started now, or to {@code
   * target}. The server and the connection stop with the service; the {@code temporal} health check
   * asks the frontend.
   */
  public TemporalConnection connect(Environment environment) {
    String address = target;
    if (embedded) {
      EmbeddedTemporalServer server = EmbeddedTemporalServer.start(bindAddress, port);
      environment.lifecycle().manage(server);
      address = server.target();
      LOG.info("embedded Temporal server listening on {}", address);
    }
    TemporalConnection connection = TemporalConnection.to(address, namespace);
    environment.lifecycle().manage(connection);
    environment
        .healthChecks()
        .register("temporal", new TemporalHealthCheck(connection.stubs(), address));
    return connection;
  }
}
