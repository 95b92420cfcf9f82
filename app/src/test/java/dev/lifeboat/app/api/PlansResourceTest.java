package dev.lifeboat.app.api;

import static dev.lifeboat.app.api.ApiResources.as;
import static dev.lifeboat.app.api.ApiResources.assertRefused;
import static dev.lifeboat.app.api.ApiResources.body;
import static dev.lifeboat.app.api.ApiResources.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.TestPlans;
import dev.lifeboat.app.TestRecord;
import dev.lifeboat.app.TestTokens;
import dev.lifeboat.app.auth.Role;
import dev.lifeboat.app.plans.PlanCatalog;
import dev.lifeboat.app.runs.FakeRunLauncher;
import dev.lifeboat.app.runs.LaunchRequest;
import dev.lifeboat.app.store.RunDao;
import dev.lifeboat.app.temporal.TemporalConnection;
import dev.lifeboat.runbook.RunbookFolder;
import dev.lifeboat.runbook.RunbookParser;
import dev.lifeboat.workflow.RunMode;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.testing.junit5.ResourceExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link PlansResource} on its own: the real plan catalog on a folder of its own (the test plans
 * and one broken file), a real record database, launches going to a {@link FakeRunLauncher}. What
 * it lists and shows, how a launch reaches the launcher, and what it refuses before any launch,
 * each refusal a 4xx with a JSON error.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PlansResourceTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final TemporalConnection NO_TEMPORAL = ApiResources.unreachableTemporal();

  final Path folder = folderWithABrokenFile();
  final PlanCatalog catalog = PlanCatalog.load(new RunbookFolder(new RunbookParser()), folder);

  /** One record for the class: each database made and dropped costs a checkpoint. */
  static final Jdbi record = TestRecord.create(pg, "lifeboat_plans_api").jdbi();

  final FakeRunLauncher launcher = new FakeRunLauncher(record.onDemand(RunDao.class));

  final ResourceExtension api =
      ApiResources.builder(record)
          .addResource(
              new PlansResource(catalog, launcher, ApiResources.views(record, NO_TEMPORAL)))
          .build();

  @AfterAll
  static void disconnect() {
    NO_TEMPORAL.stop();
  }

  private static Path folderWithABrokenFile() {
    Path folder = TestPlans.folder();
    try {
      Files.writeString(folder.resolve("broken.yml"), "name: broken\nstages: 12\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return folder;
  }

  private Response launch(Role role, String plan, String json) {
    return as(role, api.target("/api/plans/" + plan + "/runs")).post(body(json));
  }

  @Nested
  class Reading {
    @Test
    void listsEveryLaunchablePlanAndTheProblemsOfTheFolder() {
      JsonNode list = read(as(Role.VIEWER, api.target("/api/plans")).get(), 200);

      assertThat(list.path("plans"))
          .extracting(plan -> plan.path("name").asText())
          .containsExactly(
              "example-drill",
              "needs-approval",
              "needs-params",
              "pauses",
              "undoable",
              "waits-forever");
      assertThat(list.path("problems").toString()).contains("broken.yml");
    }

    @Test
    void showsOnePlanWithItsText() {
      JsonNode plan = read(as(Role.VIEWER, api.target("/api/plans/example-drill")).get(), 200);

      assertThat(plan.path("rpo").asText()).isEqualTo("24h");
      assertThat(plan.path("text").asText()).contains("kind: restore-data");
    }

    @ParameterizedTest(name = "GET /api/plans/{0} -> {1} {2}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '`',
        textBlock =
            """
            nope  | 404 | unknown_plan  | no plan named 'nope'; plans: example-drill, needs-approval, needs-params, pauses, undoable, waits-forever
            UPPER | 400 | bad_plan_name | got 'UPPER'
            a..b  | 400 | bad_plan_name | lower-case letters
            """)
    void refusesAPlanItDoesNotHaveOrCannotName(String name, int status, String code, String says) {
      assertRefused(as(Role.VIEWER, api.target("/api/plans/" + name)).get(), status, code, says);
    }

    @Test
    void answersNobodyWithoutAToken() {
      assertRefused(
          api.target("/api/plans").request().get(), 401, "missing_token", "Authorization: Bearer");
    }
  }

  @Nested
  class Launching {
    @Test
    void launchesAsTheCallerAndSaysWhereTheRunIs() {
      Response response =
          launch(
              Role.OPERATOR,
              "needs-params",
              "{\"mode\": \"drill\", \"params\": {\"target\": \"x\", \"copies\": 2}}");

      JsonNode run = read(response, 202);
      String id = run.path("id").asText();
      assertThat(response.getLocation()).hasPath("/api/runs/" + id);
      assertThat(run.path("launcher").asText()).isEqualTo(TestTokens.nameOf(Role.OPERATOR));
      assertThat(launcher.launches())
          .containsExactly(
              new LaunchRequest(
                  "needs-params",
                  RunMode.DRILL,
                  Map.of("target", "x", "copies", "2"),
                  TestTokens.nameOf(Role.OPERATOR)));
    }

    @Test
    void leavesARecoveryToACommander() {
      assertRefused(
          launch(Role.OPERATOR, "needs-params", "{\"mode\": \"recovery\"}"),
          403,
          "forbidden",
          "launch a recovery needs role commander");
      assertThat(launcher.launches()).isEmpty();

      read(launch(Role.COMMANDER, "needs-params", "{\"mode\": \"recovery\"}"), 202);
      assertThat(launcher.launches())
          .extracting(LaunchRequest::mode)
          .containsExactly(RunMode.RECOVERY);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(
        delimiter = '|',
        quoteCharacter = '`',
        textBlock =
            """
            {"mode":"drill"                              | 400 | bad_json     | not valid JSON
            [1,2]                                        | 400 | bad_json     | expected shape
            {"mode":"drill","launcher":"mallory"}        | 400 | bad_json     | unknown field 'launcher'
            {"mode":"drill","mode":"recovery"}           | 400 | bad_json     | Duplicate field 'mode'
            {"mode":"drill","params":"x"}                | 400 | bad_json     | params
            {"mode":"party"}                             | 400 | unknown_mode | modes: tabletop, drill, recovery, precheck
            {"params":{"target":"x"}}                    | 400 | missing_mode | 'mode' is required
            {"mode":"drill","params":{"target":{"a":1}}} | 400 | bad_params   | string, number or boolean
            {"mode":"drill","params":{"target":null}}    | 400 | bad_params   | null
            """)
    void refusesABadBodyAndLaunchesNothing(String json, int status, String code, String says) {
      assertRefused(launch(Role.OPERATOR, "needs-params", json), status, code, says);
      assertThat(launcher.launches()).isEmpty();
    }

    @Test
    void refusesAMissingBodyAndABadPlanNameAndLaunchesNothing() {
      assertRefused(
          as(Role.OPERATOR, api.target("/api/plans/needs-params/runs")).post(Entity.json("")),
          400,
          "missing_body",
          "JSON body");
      assertRefused(
          launch(Role.OPERATOR, "UPPER", "{\"mode\":\"drill\"}"), 400, "bad_plan_name", "UPPER");
      assertRefused(
          launch(Role.VIEWER, "needs-params", "{\"mode\":\"drill\"}"),
          403,
          "forbidden",
          "launch a run needs role operator");
      assertThat(launcher.launches()).isEmpty();
    }
  }

  @Nested
  class Reloading {
    @Test
    void readsTheFolderAgainForAnAdminAndSaysWhatChanged() throws IOException {
      Files.writeString(folder.resolve("new-one.yml"), TestPlans.oneStep("new-one", "New"));

      assertRefused(
          as(Role.OPERATOR, api.target("/api/plans/reload")).post(Entity.json("")),
          403,
          "forbidden",
          "reload the plans needs role admin");
      JsonNode changes =
          read(as(Role.ADMIN, api.target("/api/plans/reload")).post(Entity.json("")), 200);

      assertThat(changes.path("added").toString()).isEqualTo("[\"new-one\"]");
    }
  }
}
