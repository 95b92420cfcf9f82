package dev.lifeboat.app.api;

import static dev.lifeboat.app.api.ApiResources.as;
import static dev.lifeboat.app.api.ApiResources.assertRefused;
import static dev.lifeboat.app.api.ApiResources.body;
import static dev.lifeboat.app.api.ApiResources.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.TestRecord;
import dev.lifeboat.app.TestRuns;
import dev.lifeboat.app.TestTokens;
import dev.lifeboat.app.auth.Role;
import dev.lifeboat.app.plans.PlanCatalog;
import dev.lifeboat.app.runs.FakeRunLauncher;
import dev.lifeboat.app.runs.RunResumer;
import dev.lifeboat.app.runs.StepStatesFromRecord;
import dev.lifeboat.app.runs.TemporalAcknowledgements;
import dev.lifeboat.app.runs.TemporalDecisions;
import dev.lifeboat.app.store.RunDao;
import dev.lifeboat.app.store.RunEventDao;
import dev.lifeboat.app.store.RunEventRow;
import dev.lifeboat.app.store.RunResumeDao;
import dev.lifeboat.app.store.RunStore;
import dev.lifeboat.app.temporal.TemporalConnection;
import dev.lifeboat.workflow.RunEventType;
import dev.lifeboat.workflow.RunMode;
import dev.lifeboat.workflow.RunStatus;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link RunsResource} on its own, over a real record database with launches and cancels going to a
 * {@link FakeRunLauncher} (a fresh one per test) and a Temporal nobody runs: paging, reading runs
 * and their events, cancelling, and what it refuses, each refusal a 4xx with a JSON error.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RunsResourceTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final TemporalConnection NO_TEMPORAL = ApiResources.unreachableTemporal();

  static final String NO_STAGES = "{\"stages\": []}";
  static final String ONE_STEP =
      "{\"stages\": [{\"name\": \"only\", \"steps\": [{\"id\": \"say\", \"kind\": \"notify\"}]}]}";
  static final String NO_RUN = "00000000-0000-0000-0000-000000000000";

  /** One record for the class: each database made and dropped costs a checkpoint. */
  static final Jdbi record = TestRecord.create(pg, "lifeboat_runs_api").jdbi();

  final RunDao runs = record.onDemand(RunDao.class);
  final FakeRunLauncher launcher = new FakeRunLauncher(runs);

  final ResourceExtension api =
      ApiResources.builder(record)
          .addResource(
              new RunsResource(
                  runs,
                  record.onDemand(RunEventDao.class),
                  ApiResources.views(record, NO_TEMPORAL),
                  launcher,
                  new TemporalAcknowledgements(NO_TEMPORAL.client(), ApiResources.json()),
                  new TemporalDecisions(
                      NO_TEMPORAL.client(), ApiResources.json(), Duration.ofSeconds(5)),
                  new RunResumer(
                      new PlanCatalog(List.of(), List.of()),
                      record.onDemand(RunEventDao.class),
                      record.onDemand(RunResumeDao.class),
                      new StepStatesFromRecord(ApiResources.json()),
                      launch -> {
                        throw new AssertionError("these tests resume nothing: " + launch);
                      },
                      ApiResources.json())))
          .build();

  @AfterAll
  static void disconnect() {
    NO_TEMPORAL.stop();
  }

  private String recorded(RunMode mode, RunStatus status, String planJson, Instant createdAt) {
    String id = UUID.randomUUID().toString();
    runs.insert(TestRuns.row(id, mode, status, planJson, createdAt));
    return id;
  }

  private String recorded(RunMode mode, RunStatus status) {
    return recorded(mode, status, ONE_STEP, Instant.now());
  }

  private WebTarget runsPath(String path) {
    return api.target("/api/runs" + path);
  }

  @Nested
  class Listing {
    @Test
    void pagesRunsNewestFirstWithTheTotal() {
      // Later than any other test's runs, so these three are the newest of the shared record.
      Instant future = Instant.parse("2100-01-01T00:00:00Z");
      String oldest =
          recorded(RunMode.DRILL, RunStatus.SUCCEEDED, NO_STAGES, future.plusSeconds(10));
      String middle = recorded(RunMode.DRILL, RunStatus.FAILED, NO_STAGES, future.plusSeconds(20));
      String newest =
          recorded(RunMode.TABLETOP, RunStatus.RUNNING, NO_STAGES, future.plusSeconds(30));

      JsonNode first = read(as(Role.VIEWER, runsPath("").queryParam("limit", 2)).get(), 200);
      JsonNode rest =
          read(
              as(Role.VIEWER, runsPath("").queryParam("limit", 2).queryParam("offset", 2)).get(),
              200);

      assertThat(first.path("runs").findValuesAsText("id")).containsExactly(newest, middle);
      assertThat(first.path("limit").asInt()).isEqualTo(2);
      assertThat(first.path("offset").asInt()).isZero();
      assertThat(first.path("total").asLong()).isEqualTo(runs.count()).isGreaterThanOrEqualTo(3);
      assertThat(rest.path("runs").findValuesAsText("id")).startsWith(oldest);
      assertThat(rest.path("offset").asInt()).isEqualTo(2);
      assertThat(first.path("runs").get(0).path("steps"))
          .as("a listing shows runs without their steps")
          .isEmpty();
    }

    @Test
    void takesTwentyFromTheStartWhenNotToldOtherwise() {
      for (int i = 0; i < 21; i++) {
        recorded(RunMode.DRILL, RunStatus.SUCCEEDED);
      }

      JsonNode page = read(as(Role.VIEWER, runsPath("")).get(), 200);

      assertThat(page.path("limit").asInt()).isEqualTo(20);
      assertThat(page.path("offset").asInt()).isZero();
      assertThat(page.path("runs")).hasSize(20);
      assertThat(page.path("total").asLong()).isEqualTo(runs.count()).isGreaterThan(20);
    }

    @ParameterizedTest(name = "{0}={1} -> {2}")
    @CsvSource({
      "limit, 0, bad_limit, from 1 to 200",
      "limit, 201, bad_limit, from 1 to 200",
      "limit, abc, bad_limit, got 'abc'",
      "limit, 1.5, bad_limit, got '1.5'",
      "offset, -1, bad_offset, from 0",
      "offset, many, bad_offset, got 'many'",
    })
    void refusesPagingThatIsNotAWholeNumberInRange(
        String name, String value, String code, String says) {
      assertRefused(as(Role.VIEWER, runsPath("").queryParam(name, value)).get(), 400, code, says);
    }
  }

  @Nested
  class Reading {
    @Test
    void showsAnEndedRunWithItsStepsRebuiltFromTheRecord() {
      String id = recorded(RunMode.DRILL, RunStatus.SUCCEEDED);

      JsonNode run = read(as(Role.VIEWER, runsPath("/" + id)).get(), 200);

      assertThat(run.path("id").asText()).isEqualTo(id);
      assertThat(run.path("status").asText()).isEqualTo("succeeded");
      assertThat(run.path("source").asText()).isEqualTo("record");
      assertThat(run.path("steps").findValuesAsText("id")).containsExactly("say");
    }

    @Test
    void showsARunningRunFromTheRecordWhenItsWorkflowDoesNotAnswer() {
      String id = recorded(RunMode.DRILL, RunStatus.RUNNING);

      JsonNode run = read(as(Role.VIEWER, runsPath("/" + id)).get(), 200);

      assertThat(run.path("source").asText()).isEqualTo("record");
      assertThat(run.path("note").asText()).contains("did not answer");
    }

    @Test
    void answersTheEventsOfARunInOrder() {
      String id = recorded(RunMode.DRILL, RunStatus.SUCCEEDED);
      Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      new RunStore(record)
          .append(
              List.of(
                  new RunEventRow(
                      id, 1, RunEventType.RUN_STARTED, at, null, null, null, 0, "go", null),
                  new RunEventRow(
                      id, 2, RunEventType.RUN_SUCCEEDED, at, null, null, null, 0, "done", null)),
              List.of());

      JsonNode events = read(as(Role.VIEWER, runsPath("/" + id + "/events")).get(), 200);

      assertThat(events.findValuesAsText("type")).containsExactly("run.started", "run.succeeded");
    }

    @ParameterizedTest(name = "GET {0} -> {1}")
    @CsvSource({
      "/" + NO_RUN + ", 404, unknown_run, no run with id " + NO_RUN,
      "/" + NO_RUN + "/events, 404, unknown_run, no run with id",
      "/not-a-uuid, 400, bad_run_id, UUID",
      "/not-a-uuid/events, 400, bad_run_id, UUID",
    })
    void refusesARunItDoesNotHaveOrCannotName(String path, int status, String code, String says) {
      assertRefused(as(Role.VIEWER, runsPath(path)).get(), status, code, says);
    }

    @Test
    void answersNobodyWithoutAToken() {
      assertRefused(runsPath("").request().get(), 401, "missing_token", "Authorization: Bearer");
    }
  }

  @Nested
  class Cancelling {
    @Test
    void asksTheLauncherToCancelInTheCallersName() {
      String id = recorded(RunMode.DRILL, RunStatus.RUNNING);

      JsonNode answer =
          read(as(Role.OPERATOR, runsPath("/" + id + "/cancel")).post(Entity.json("")), 202);

      assertThat(answer.path("id").asText()).isEqualTo(id);
      assertThat(answer.path("status").asText()).isEqualTo("cancelling");
      assertThat(launcher.cancels())
          .containsExactly(new FakeRunLauncher.Cancel(id, TestTokens.nameOf(Role.OPERATOR)));
    }

    @Test
    void leavesARecoveryToACommander() {
      String id = recorded(RunMode.RECOVERY, RunStatus.RUNNING);

      assertRefused(
          as(Role.OPERATOR, runsPath("/" + id + "/cancel")).post(Entity.json("")),
          403,
          "forbidden",
          "cancel a recovery needs role commander");
      assertThat(launcher.cancels()).isEmpty();
      read(as(Role.COMMANDER, runsPath("/" + id + "/cancel")).post(Entity.json("")), 202);
      assertThat(launcher.cancels()).hasSize(1);
    }

    @Test
    void refusesAViewerAndAnUnknownRun() {
      String id = recorded(RunMode.DRILL, RunStatus.RUNNING);

      assertRefused(
          as(Role.VIEWER, runsPath("/" + id + "/cancel")).post(Entity.json("")),
          403,
          "forbidden",
          "cancel a run needs role operator");
      assertRefused(
          as(Role.OPERATOR, runsPath("/" + NO_RUN + "/cancel")).post(Entity.json("")),
          404,
          "unknown_run",
          "no run with id");
      assertThat(launcher.cancels()).isEmpty();
    }
  }

  @Nested
  class Resuming {
    private Response resume(Role role, String id, String json) {
      return as(role, runsPath("/" + id + "/resume")).post(body(json));
    }

    @Test
    void refusesARunThatHasNotEndedSucceededOrIsATabletopWalk() {
      String running = recorded(RunMode.DRILL, RunStatus.RUNNING);
      String succeeded = recorded(RunMode.DRILL, RunStatus.SUCCEEDED);
      String withFailures = recorded(RunMode.DRILL, RunStatus.SUCCEEDED_WITH_FAILURES);
      String tabletop = recorded(RunMode.TABLETOP, RunStatus.FAILED);

      assertRefused(resume(Role.OPERATOR, running, "{}"), 409, "run_not_ended", "still running");
      assertRefused(
          resume(Role.OPERATOR, succeeded, "{}"), 409, "run_succeeded", "nothing to resume");
      assertRefused(
          resume(Role.OPERATOR, withFailures, "{}"), 409, "run_succeeded", "nothing to resume");
      assertRefused(
          resume(Role.OPERATOR, tabletop, "{}"), 409, "tabletop_not_resumed", "not resumed");
      assertRefused(
          resume(Role.OPERATOR, NO_RUN, "{}"), 404, "unknown_run", "no run with id " + NO_RUN);
    }

    @Test
    void leavesARecoveryToACommanderAndRefusesAViewer() {
      String recovery = recorded(RunMode.RECOVERY, RunStatus.FAILED);
      String drill = recorded(RunMode.DRILL, RunStatus.FAILED);

      assertRefused(
          resume(Role.OPERATOR, recovery, "{}"),
          403,
          "forbidden",
          "resume a recovery needs role commander");
      assertRefused(
          resume(Role.VIEWER, drill, "{}"), 403, "forbidden", "resume a run needs role operator");
    }

    @Test
    void refusesAPlanOtherThanCurrent() {
      assertRefused(
          resume(Role.OPERATOR, NO_RUN, "{\"plan\": \"newest\"}"), 400, "bad_plan", "got 'newest'");
    }
  }

  @Nested
  class Acknowledging {
    private Response acknowledge(String id, String step, String json) {
      return as(Role.OPERATOR, runsPath("/" + id + "/steps/" + step + "/acknowledge"))
          .post(body(json));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '`',
        textBlock =
            """
            {"outcome":"ok","by":"mallory"}       | 400 | bad_json            | unknown field 'by'
            {"outcome":"maybe"}                   | 400 | bad_outcome         | ok or gap
            {"outcome":"gap"}                     | 400 | bad_acknowledgement | needs notes
            {"notes":"x"}                         | 400 | missing_outcome     | 'outcome' is required
            {"outcome":"ok","outcome":"gap"}      | 400 | bad_json            | Duplicate field
            """)
    void refusesABadBodyBeforeLookingForTheRun(String json, int status, String code, String says) {
      assertRefused(acknowledge(NO_RUN, "say", json), status, code, says);
    }

    @Test
    void refusesAStepIdItCannotName() {
      assertRefused(
          acknowledge(NO_RUN, "Say%20it", "{\"outcome\":\"ok\"}"), 400, "bad_step_id", "step id");
    }

    @Test
    void refusesWhatIsNotAStepOfARunningTabletopRun() {
      String tabletop = recorded(RunMode.TABLETOP, RunStatus.RUNNING);
      String drill = recorded(RunMode.DRILL, RunStatus.RUNNING);
      String ended = recorded(RunMode.TABLETOP, RunStatus.SUCCEEDED);
      String ok = "{\"outcome\":\"ok\"}";

      assertRefused(acknowledge(NO_RUN, "say", ok), 404, "unknown_run", "no run with id");
      assertRefused(acknowledge(tabletop, "nope", ok), 404, "unknown_step", "has no step 'nope'");
      assertRefused(acknowledge(drill, "say", ok), 409, "not_tabletop", "only tabletop runs");
      assertRefused(acknowledge(ended, "say", ok), 409, "run_ended", "has ended");
    }
  }
}
