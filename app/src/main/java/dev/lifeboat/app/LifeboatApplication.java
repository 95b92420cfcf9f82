package dev.lifeboat.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.process.PidFileToolLedger;
import dev.lifeboat.activities.secrets.LocalSecrets;
import dev.lifeboat.activities.secrets.Secrets;
import dev.lifeboat.app.api.ApiSetup;
import dev.lifeboat.app.api.ComplianceResource;
import dev.lifeboat.app.api.CoverageResource;
import dev.lifeboat.app.api.FindingsResource;
import dev.lifeboat.app.api.IntegrityResource;
import dev.lifeboat.app.api.PlansResource;
import dev.lifeboat.app.api.PrecheckResource;
import dev.lifeboat.app.api.ReportResource;
import dev.lifeboat.app.api.RunEventResource;
import dev.lifeboat.app.api.RunPlanResource;
import dev.lifeboat.app.api.RunViews;
import dev.lifeboat.app.api.RunsResource;
import dev.lifeboat.app.api.SchedulesResource;
import dev.lifeboat.app.auth.AuthConfig;
import dev.lifeboat.app.auth.Authentication;
import dev.lifeboat.app.auth.TokenDao;
import dev.lifeboat.app.auth.TokenRoster;
import dev.lifeboat.app.cli.ApproveCommand;
import dev.lifeboat.app.cli.AuditCommand;
import dev.lifeboat.app.cli.CheckCommand;
import dev.lifeboat.app.cli.DecideCommand;
import dev.lifeboat.app.cli.FindingsCommand;
import dev.lifeboat.app.cli.PrecheckCommand;
import dev.lifeboat.app.cli.ReportCommand;
import dev.lifeboat.app.cli.ResumeCommand;
import dev.lifeboat.app.cli.RunCommand;
import dev.lifeboat.app.cli.ScheduleCommand;
import dev.lifeboat.app.cli.TokenCommand;
import dev.lifeboat.app.cli.UndoCommand;
import dev.lifeboat.app.cli.WorkerCommand;
import dev.lifeboat.app.compliance.ComplianceDao;
import dev.lifeboat.app.compliance.ComplianceHtml;
import dev.lifeboat.app.compliance.ComplianceView;
import dev.lifeboat.app.compliance.CoverageNoticeActivityImpl;
import dev.lifeboat.app.compliance.CoverageWatchStarter;
import dev.lifeboat.app.compliance.CoverageWatchWorkflowImpl;
import dev.lifeboat.app.compliance.RecordedFindingCounts;
import dev.lifeboat.app.findings.FindingOwners;
import dev.lifeboat.app.findings.FindingStore;
import dev.lifeboat.app.findings.RunFindings;
import dev.lifeboat.app.health.RecordHealthCheck;
import dev.lifeboat.app.notices.RunNoticeActivityImpl;
import dev.lifeboat.app.notices.RunNoticeWorkflowImpl;
import dev.lifeboat.app.notices.TemporalRunNotices;
import dev.lifeboat.app.plans.PlanCatalog;
import dev.lifeboat.app.plans.PlanFolder;
import dev.lifeboat.app.report.RecordedRunFindings;
import dev.lifeboat.app.report.ReportRenderer;
import dev.lifeboat.app.report.RunReports;
import dev.lifeboat.app.runs.PrecheckLauncher;
import dev.lifeboat.app.runs.RecordedVerdicts;
import dev.lifeboat.app.runs.RunReconciler;
import dev.lifeboat.app.runs.RunResumer;
import dev.lifeboat.app.runs.StepStatesFromRecord;
import dev.lifeboat.app.runs.TemporalAcknowledgements;
import dev.lifeboat.app.runs.TemporalDecisions;
import dev.lifeboat.app.runs.TemporalRunLauncher;
import dev.lifeboat.app.schedules.ScheduleActivityImpl;
import dev.lifeboat.app.schedules.ScheduleDao;
import dev.lifeboat.app.schedules.ScheduleReEnsurer;
import dev.lifeboat.app.schedules.ScheduleService;
import dev.lifeboat.app.schedules.ScheduleStore;
import dev.lifeboat.app.schedules.ScheduleWorkflows;
import dev.lifeboat.app.store.RecordDatabase;
import dev.lifeboat.app.store.RecordIntegrity;
import dev.lifeboat.app.store.RecordWrites;
import dev.lifeboat.app.store.RunActionDao;
import dev.lifeboat.app.store.RunDao;
import dev.lifeboat.app.store.RunEventDao;
import dev.lifeboat.app.store.RunNotices;
import dev.lifeboat.app.store.RunRecordActivityImpl;
import dev.lifeboat.app.store.RunResumeDao;
import dev.lifeboat.app.store.RunStore;
import dev.lifeboat.app.store.RunVerdictDao;
import dev.lifeboat.app.temporal.TemporalConnection;
import dev.lifeboat.app.temporal.WorkflowQueries;
import dev.lifeboat.app.worker.StepActivities;
import dev.lifeboat.app.worker.WorkerHost;
import dev.lifeboat.runbook.DrillGuard;
import dev.lifeboat.runbook.RunbookParser;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.ServerCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.AutoCloseableManager;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/** Lifeboat's service: the one place where every object is built and wired. */
public final class LifeboatApplication extends Application<LifeboatConfiguration> {
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
    bootstrap.addCommand(new PrecheckCommand(System.out, System::exit));
    bootstrap.addCommand(new ApproveCommand());
    bootstrap.addCommand(new DecideCommand());
    bootstrap.addCommand(new UndoCommand());
    bootstrap.addCommand(new ResumeCommand());
    bootstrap.addCommand(new ScheduleCommand(System.out));
    bootstrap.addCommand(new TokenCommand(System.out));
    bootstrap.addCommand(new AuditCommand(System.out, System::exit));
    bootstrap.addCommand(new ReportCommand(System.out));
    bootstrap.addCommand(new WorkerCommand());
    bootstrap.addCommand(new FindingsCommand(System.out));
  }

  @Override
  public void run(LifeboatConfiguration config, Environment environment) {
    Clock clock = Clock.systemUTC();
    ObjectMapper json = ApiSetup.strictJson(environment.getObjectMapper());
    // Passwords in the configuration are env:/file: references, resolved once here.
    Secrets secrets = LocalSecrets.ofProcess();
    // This server's tool directory, taken before anything else starts: tools a Lifeboat killed by
    // SIGKILL left running (a pg_restore still writing) are stopped here. Managed first so that it
    // stops last, after the workers, killing any tool still running.
    PidFileToolLedger tools = PidFileToolLedger.open(Path.of(config.getDataDirectory(), "tools"));
    environment.lifecycle().manage(new AutoCloseableManager(tools));
    int embeddedPostgresPort =
        config
            .getEmbeddedPostgres()
            .startFor(config.getDatabase(), secrets, environment.lifecycle());
    Jdbi jdbi = RecordDatabase.open(config.getDatabase(), environment);
    RunDao runDao = jdbi.onDemand(RunDao.class);
    RunEventDao eventDao = jdbi.onDemand(RunEventDao.class);
    RunActionDao actionDao = jdbi.onDemand(RunActionDao.class);
    RunResumeDao resumeDao = jdbi.onDemand(RunResumeDao.class);
    // Every run that ends is judged from the record, whoever ends it (RunStore, RunJudge), and
    // what it showed must be fixed is recorded as findings with its end (RunFindings).
    FindingStore findings = new FindingStore(jdbi, json, clock);
    Duration defaultDue = config.getFindings().getDefaultDue();
    RunStore store =
        new RunStore(
            jdbi, new RecordedVerdicts(json), json, new RunFindings(findings, json, defaultDue));
    TemporalConnection temporal = config.getTemporal().connect(environment);

    StepActivities steps =
        StepActivities.forServer(
            config,
            embeddedPostgresPort,
            secrets,
            tools,
            new TokenRoster(jdbi.onDemand(TokenDao.class), config.getAuth().getTokens()));
    // Checks steps' hosts and servers against the configuration, so a typo fails at load, not
    // mid-run (after the old primary was already fenced); gives steps their hosts' sites; holds
    // plans to the drill rule when they load (a step acting on production says what it does in a
    // drill); an email step without smtp: configured is a problem of its plan.
    RunbookParser parser =
        new RunbookParser(steps.hostSites(), steps.servers().names())
            .withDrillRule(config.production())
            .withSmtp(config.getSmtp().isPresent());
    PlanCatalog catalog =
        PlanFolder.serve(
            parser,
            Path.of(config.getRunbooks()),
            config.isWatchRunbooks(),
            environment.lifecycle());
    RecordWrites recordWrites = new RecordWrites(clock);
    environment.healthChecks().register("record", new RecordHealthCheck(recordWrites));
    TemporalRunLauncher launcher =
        new TemporalRunLauncher(
            catalog,
            parser,
            // A drill is refused when a launch value makes a step act on production.
            new DrillGuard(config.production()),
            runDao,
            actionDao,
            store,
            temporal.client(),
            config.getTemporal().getTaskQueue(),
            json,
            clock);
    ScheduleDao scheduleDao = jdbi.onDemand(ScheduleDao.class);
    ComplianceView compliance =
        new ComplianceView(
            catalog,
            jdbi.onDemand(ComplianceDao.class),
            new RecordedFindingCounts(findings),
            new ScheduleStore(scheduleDao, clock)::nextFire,
            clock);
    ScheduleWorkflows scheduleWorkflows =
        new ScheduleWorkflows(
            temporal.client(), config.getTemporal().getTaskQueue(), config.getSchedules(), clock);
    environment
        .lifecycle()
        .manage(
            WorkerHost.forServer(
                config.getTemporal(),
                temporal,
                steps,
                List.of(
                    new RunRecordActivityImpl(
                        store, json, recordWrites, runNotices(config, temporal)),
                    new ScheduleActivityImpl(scheduleDao, runDao, launcher, json, clock),
                    new CoverageNoticeActivityImpl(
                        compliance, jdbi, config.getOwners(), steps.notifier()),
                    new RunNoticeActivityImpl(
                        jdbi, config.getOwners(), config.getNotices(), steps.notifier(), json)),
                List.of(CoverageWatchWorkflowImpl.class, RunNoticeWorkflowImpl.class)));
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
    // The embedded Temporal keeps nothing across restarts: every live schedule's scheduler is
    // started again from the record, and a fire missed while down is caught up once.
    environment
        .lifecycle()
        .manage(
            new ScheduleReEnsurer(
                scheduleDao, scheduleWorkflows, config.getSchedules().catchUp(), clock));

    // A run's view waits at most 3 s for its workflow's answer, then shows the record.
    RunViews views =
        new RunViews(
            eventDao,
            actionDao,
            resumeDao,
            new StepStatesFromRecord(json),
            new WorkflowQueries(temporal, Duration.ofSeconds(3)),
            json,
            jdbi.onDemand(RunVerdictDao.class));

    ApiSetup.install(environment, config.getServerFactory(), json);
    Authentication.install(config.getAuth(), jdbi, environment.jersey(), clock, System.out);
    environment.jersey().register(new PlansResource(catalog, launcher, views));
    environment
        .jersey()
        .register(new PrecheckResource(new PrecheckLauncher(launcher, temporal.client())));
    environment
        .jersey()
        .register(
            new RunsResource(
                runDao,
                eventDao,
                views,
                launcher,
                new TemporalAcknowledgements(temporal.client(), json),
                new TemporalDecisions(temporal.client(), json, Duration.ofSeconds(10)),
                new RunResumer(
                    catalog, eventDao, resumeDao, new StepStatesFromRecord(json), launcher, json)));
    environment.jersey().register(new IntegrityResource(new RecordIntegrity(jdbi)));
    environment
        .jersey()
        .register(
            new SchedulesResource(
                new ScheduleService(scheduleDao, launcher, scheduleWorkflows, json, clock),
                new ScheduleStore(scheduleDao, clock),
                scheduleDao,
                json));
    Set<String> tokenNames =
        config.getAuth().getTokens().stream()
            .map(AuthConfig.ConfiguredToken::getName)
            .collect(Collectors.toSet());
    environment
        .jersey()
        .register(
            new FindingsResource(
                findings, new FindingOwners(jdbi, tokenNames), catalog, runDao, defaultDue));
    environment.jersey().register(new ComplianceResource(compliance, new ComplianceHtml(json)));
    environment.jersey().register(new CoverageResource(compliance));
    // After the worker (managed above), so the check's first activity finds it.
    environment
        .lifecycle()
        .manage(new CoverageWatchStarter(temporal.client(), config.getTemporal().getTaskQueue()));
    environment
        .jersey()
        .register(
            new ReportResource(
                new RunReports(jdbi, new RecordedRunFindings(findings), json, clock),
                new ReportRenderer(json)));
    environment.jersey().register(new RunPlanResource(runDao));
    environment.jersey().register(new RunEventResource(eventDao));
  }

  /**
   * Run notices go to owners with a channel in {@code owners:}; with none (or no events chosen), no
   * notice workflow is started at all.
   */
  private static RunNotices runNotices(LifeboatConfiguration config, TemporalConnection temporal) {
    if (config.getOwners().isEmpty() || config.getNotices().events().isEmpty()) {
      return RunNotices.NONE;
    }
    return new TemporalRunNotices(
        temporal.client(), config.getTemporal().getTaskQueue(), config.getNotices());
  }
}
