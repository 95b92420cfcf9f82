package dev.lifeboat.app;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.lifeboat.activities.SiteNames;
import dev.lifeboat.activities.process.PidFileToolLedger;
import dev.lifeboat.activities.process.ToolLedger;
import dev.lifeboat.activities.secrets.LocalSecrets;
import dev.lifeboat.activities.secrets.Secrets;
import dev.lifeboat.app.api.ErrorMappers;
import dev.lifeboat.app.api.JsonErrorHandler;
import dev.lifeboat.app.api.PlansResource;
import dev.lifeboat.app.api.RequestSizeLimit;
import dev.lifeboat.app.api.RunViews;
import dev.lifeboat.app.api.RunsResource;
import dev.lifeboat.app.auth.Authentication;
import dev.lifeboat.app.cli.CheckCommand;
import dev.lifeboat.app.cli.RunCommand;
import dev.lifeboat.app.cli.TokenCommand;
import dev.lifeboat.app.cli.WorkerCommand;
import dev.lifeboat.app.config.ConfiguredPassword;
import dev.lifeboat.app.config.TemporalConfig;
import dev.lifeboat.app.embedded.EmbeddedPostgresServer;
import dev.lifeboat.app.embedded.EmbeddedTemporalServer;
import dev.lifeboat.app.health.RecordHealthCheck;
import dev.lifeboat.app.health.TemporalHealthCheck;
import dev.lifeboat.app.plans.PlanCatalog;
import dev.lifeboat.app.plans.PlanChanges;
import dev.lifeboat.app.plans.RunbookWatcher;
import dev.lifeboat.app.runs.RunReconciler;
import dev.lifeboat.app.runs.StepStatesFromRecord;
import dev.lifeboat.app.runs.TemporalAcknowledgements;
import dev.lifeboat.app.runs.TemporalRunLauncher;
import dev.lifeboat.app.store.Migrations;
import dev.lifeboat.app.store.RecordWrites;
import dev.lifeboat.app.store.RunActionDao;
import dev.lifeboat.app.store.RunDao;
import dev.lifeboat.app.store.RunEventDao;
import dev.lifeboat.app.store.RunRecordActivityImpl;
import dev.lifeboat.app.store.RunStore;
import dev.lifeboat.app.temporal.TemporalConnection;
import dev.lifeboat.app.temporal.WorkerHost;
import dev.lifeboat.app.temporal.WorkflowQueries;
import dev.lifeboat.runbook.DrillGuard;
import dev.lifeboat.runbook.RunbookFolder;
import dev.lifeboat.runbook.RunbookParser;
import dev.lifeboat.workflow.RunbookWorkflowImpl;
import dev.lifeboat.workflow.SiteQueues;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.lifecycle.Managed;
import jakarta.servlet.DispatcherType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lifeboat's service: the one place where every object is built and wired. */
public final class LifeboatApplication extends Application<LifeboatConfiguration> {
  private static final Logger LOG = LoggerFactory.getLogger(LifeboatApplication.class);

  public static void main(String[] args) throws Exception {
    new LifeboatApplication().run(args);
  }

  @Override
  public String getName() {
    return "lifeboat";
  }

  /**
   * Dropwizard's own {@code check} validates a configuration file; Lifeboat's {@code check}
   * validates runbooks, so only {@code server} is kept from the defaults.
   */
  @Override
  protected void addDefaultCommands(Bootstrap<LifeboatConfiguration> bootstrap) {
    bootstrap.addCommand(new ServerCommand<>(this));
  }

  @Override
  public void initialize(Bootstrap<LifeboatConfiguration> bootstrap) {
    bootstrap.setConfigurationSourceProvider(
        new SubstitutingSourceProvider(
            bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
    bootstrap.addCommand(new CheckCommand(System.out, System.err, System::exit));
    bootstrap.addCommand(new RunCommand());
    bootstrap.addCommand(new TokenCommand(System.out));
    bootstrap.addCommand(new WorkerCommand());
  }

  @Override
  public void run(LifeboatConfiguration config, Environment environment) {
    Clock clock = Clock.systemUTC();
    ObjectMapper json = environment.getObjectMapper();
    // A field the API does not know is a mistake worth reporting, not something to ignore.
    json.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    // Auditors read times: ISO-8601, not seconds since 1970.
    json.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    // Passwords in the configuration are env:/file: references, resolved once here.
    Secrets secrets = LocalSecrets.ofProcess();
    ToolLedger tools = openToolLedger(config, environment);
    int embeddedPostgresPort = startStore(config, environment, secrets);
    Jdbi jdbi = openStore(config.getDatabase(), environment);
    RunDao runDao = jdbi.onDemand(RunDao.class);
    RunEventDao eventDao = jdbi.onDemand(RunEventDao.class);
    RunActionDao actionDao = jdbi.onDemand(RunActionDao.class);
    RunStore store = new RunStore(jdbi);

    TemporalConnection temporal = connectTemporal(config.getTemporal(), environment);

    StepActivities steps = StepActivities.forServer(config, embeddedPostgresPort, secrets, tools);
    // Checks steps' hosts and servers against the configuration, so a typo fails at load, not
    // mid-run (after the old primary was already fenced); gives steps their hosts' sites.
    RunbookParser parser = new RunbookParser(steps.hostSites(), steps.servers().names());
    PlanCatalog catalog = loadPlans(parser, Path.of(config.getRunbooks()));
    if (config.isWatchRunbooks()) {
      environment
          .lifecycle()
          .manage(
              new RunbookWatcher(
                  Path.of(config.getRunbooks()), catalog, LifeboatApplication::logReload));
    }
    List<Object> activities = new ArrayList<>(steps.serverActivities());
    RecordWrites recordWrites = new RecordWrites(clock);
    activities.add(new RunRecordActivityImpl(store, json, recordWrites));
    environment.healthChecks().register("record", new RecordHealthCheck(recordWrites));
    String taskQueue = config.getTemporal().getTaskQueue();
    List<WorkerHost.Queue> queues = new ArrayList<>();
    queues.add(new WorkerHost.Queue(taskQueue, List.of(RunbookWorkflowImpl.class), activities));
    // The sites this server also serves, e.g. the primary site it runs at.
    config
        .getTemporal()
        .getSites()
        .forEach(
            site ->
                queues.add(
                    new WorkerHost.Queue(
                        SiteQueues.of(taskQueue, SiteNames.require(site)),
                        List.of(),
                        steps.activities())));
    environment
        .lifecycle()
        .manage(new WorkerHost(temporal, queues, config.getTemporal().isStickyExecution()));
    environment
        .lifecycle()
        .manage(
            new RunReconciler(
                runDao,
                eventDao,
                store,
                new StepStatesFromRecord(json),
                temporal.stubs(),
                temporal.namespace(),
                clock));

    TemporalRunLauncher launcher =
        new TemporalRunLauncher(
            catalog,
            parser,
            // Drills refuse failovers and changes to hosts and servers marked production.
            new DrillGuard(config.production()),
            runDao,
            actionDao,
            store,
            temporal.client(),
            config.getTemporal().getTaskQueue(),
            json,
            clock);
    // A run's view waits at most 3 s for its workflow's answer, then shows the record.
    RunViews views =
        new RunViews(
            eventDao,
            actionDao,
            new StepStatesFromRecord(json),
            new WorkflowQueries(temporal, Duration.ofSeconds(3)),
            json);

    if (config.getServerFactory() instanceof DefaultServerFactory server) {
      server.setRegisterDefaultExceptionMappers(false);
    }
    ErrorMappers.register(environment.jersey());
    guardRequests(environment, json);
    JsonErrorHandler errors = new JsonErrorHandler(json);
    environment.getApplicationContext().setErrorHandler(errors);
    environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(errors));
    Authentication.install(config.getAuth(), jdbi, environment.jersey(), clock, System.out);
    environment.jersey().register(new PlansResource(catalog, launcher, views));
    environment
        .jersey()
        .register(
            new RunsResource(
                runDao,
                eventDao,
                views,
                launcher,
                new TemporalAcknowledgements(temporal.client(), json)));
  }

  /**
   * Limits what a request may be before any resource sees it: a bounded body, and JSON in which a
   * repeated key is an error rather than "last one wins" (which let {"mode":"drill","mode":
   * "recovery"} pass a reviewer's eye as a drill).
   */
  private static void guardRequests(Environment environment, ObjectMapper json) {
    json.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    environment
        .servlets()
        .addFilter("request-size-limit", new RequestSizeLimit(RequestSizeLimit.DEFAULT_LIMIT, json))
        .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
  }

  /**
   * Takes this server's tool directory ({@code <dataDirectory>/tools}) before anything else starts:
   * tools a Lifeboat killed by SIGKILL left running (a pg_restore still writing) are stopped here.
   * Registered first so that it stops last, after the workers, killing any tool still running.
   */
  private static ToolLedger openToolLedger(LifeboatConfiguration config, Environment environment) {
    PidFileToolLedger ledger = PidFileToolLedger.open(Path.of(config.getDataDirectory(), "tools"));
    environment
        .lifecycle()
        .manage(
            new Managed() {
              @Override
              public void stop() {
                ledger.close();
              }
            });
    return ledger;
  }

  /**
   * Starts the embedded PostgreSQL when enabled; returns its port (0 when not embedded, after
   * resolving {@code database.password} when it is a reference).
   */
  private static int startStore(
      LifeboatConfiguration config, Environment environment, Secrets secrets) {
    if (!config.getEmbeddedPostgres().isEnabled()) {
      DataSourceFactory database = config.getDatabase();
      database.setPassword(
          ConfiguredPassword.resolve("database.password", database.getPassword(), secrets));
      return 0;
    }
    EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(config.getEmbeddedPostgres());
    environment.lifecycle().manage(postgres);
    DataSourceFactory database = config.getDatabase();
    database.setUrl(postgres.jdbcUrl(config.getEmbeddedPostgres().getDatabase()));
    database.setUser("postgres");
    database.setPassword("");
    LOG.info("embedded PostgreSQL listening on 127.0.0.1:{}", postgres.port());
    return postgres.port();
  }

  private static Jdbi openStore(DataSourceFactory database, Environment environment) {
    ManagedDataSource dataSource = database.build(environment.metrics(), "lifeboat-migrations");
    try {
      int applied = Migrations.migrate(dataSource);
      LOG.info("database schema up to date ({} migration(s) applied now)", applied);
    } finally {
      try {
        dataSource.stop();
      } catch (Exception e) {
        LOG.warn("closing the migration pool failed", e);
      }
    }
    return new JdbiFactory().build(environment, database, "postgresql");
  }

  private static TemporalConnection connectTemporal(
      TemporalConfig config, Environment environment) {
    String target = config.getTarget();
    if (config.isEmbedded()) {
      EmbeddedTemporalServer server =
          EmbeddedTemporalServer.start(config.getBindAddress(), config.getPort());
      environment.lifecycle().manage(server);
      target = server.target();
      LOG.info("embedded Temporal server listening on {}", target);
    }
    TemporalConnection connection = TemporalConnection.to(target, config.getNamespace());
    environment.lifecycle().manage(connection);
    environment
        .healthChecks()
        .register("temporal", new TemporalHealthCheck(connection.stubs(), target));
    return connection;
  }

  private static PlanCatalog loadPlans(RunbookParser parser, Path folder) {
    PlanCatalog catalog = PlanCatalog.load(new RunbookFolder(parser), folder);
    catalog.problems().forEach(problem -> LOG.error("runbook problem: {}", problem.format()));
    LOG.info("loaded {} plan(s) from {}", catalog.all().size(), folder.toAbsolutePath());
    return catalog;
  }

  private static void logReload(PlanChanges changes) {
    changes.problems().forEach(problem -> LOG.error("runbook problem: {}", problem));
    LOG.info("runbooks changed on disk and were reloaded: {}", changes.summary());
  }
}
