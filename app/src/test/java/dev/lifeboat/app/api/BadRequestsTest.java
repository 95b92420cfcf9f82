package dev.lifeboat.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.app.LifeboatConfiguration;
import dev.lifeboat.app.TestApi;
import dev.lifeboat.app.TestApp;
import dev.lifeboat.app.TestTokens;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad request is answered 4xx with a JSON body naming the problem; never a 500. */
@ExtendWith(DropwizardExtensionsSupport.class)
class BadRequestsTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();

  static final DropwizardAppExtension<LifeboatConfiguration> APP =
      TestApp.extension(pg, "lifeboat_bad");

  final ObjectMapper json = new ObjectMapper();

  @ParameterizedTest(name = "{0} {1} {2} -> {3} {4}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          POST | /api/plans/nope/runs          | {"mode":"drill"}                          | 404 | unknown_plan       | no plan named 'nope'
          GET  | /api/plans/nope               |                                           | 404 | unknown_plan       | plans: example-drill
          GET  | /api/plans/..%2F..%2Fetc      |                                           | 400 | bad_request        | Ambiguous
          GET  | /api/plans/a%2Fb              |                                           | 400 | bad_request        | Ambiguous
          GET  | /api/plans/a..b%20c           |                                           | 400 | bad_plan_name      | lower-case letters
          GET  | /api/plans/UPPER              |                                           | 400 | bad_plan_name      | got 'UPPER'
          POST | /api/plans/needs-params/runs  | {"mode":"drill"                           | 400 | bad_json           | not valid JSON
          POST | /api/plans/needs-params/runs  | [1,2]                                     | 400 | bad_json           | expected shape
          POST | /api/plans/needs-params/runs  | {"mode":"drill","launcher":"mallory"}     | 400 | bad_json           | unknown field 'launcher'
          POST | /api/plans/needs-params/runs  | {"mode":"drill","params":"x"}             | 400 | bad_json           | params
          POST | /api/plans/needs-params/runs  | {"mode":"party","params":{"target":"x"}}  | 400 | unknown_mode       | modes: tabletop, drill, recovery
          POST | /api/plans/needs-params/runs  | {"params":{"target":"x"}}                 | 400 | missing_mode       | 'mode' is required
          POST | /api/plans/needs-params/runs  |                                           | 400 | missing_body       | JSON body
          POST | /api/plans/needs-params/runs  | {"mode":"drill"}                          | 422 | invalid_launch     | target
          POST | /api/plans/needs-params/runs  | {"mode":"drill","params":{"target":"x","colour":"red"}} | 422 | invalid_launch | colour
          POST | /api/plans/needs-params/runs  | {"mode":"drill","params":{"target":"x","copies":"many"}} | 422 | invalid_launch | many
          POST | /api/plans/needs-params/runs  | {"mode":"drill","params":{"target":{"a":1}}} | 400 | bad_params      | string, number or boolean
          POST | /api/plans/needs-params/runs  | {"mode":"drill","params":{"target":null}} | 400 | bad_params         | null
          POST | /api/runs/00000000-0000-0000-0000-000000000000/steps/say/acknowledge | {"outcome":"ok","by":"mallory"} | 400 | bad_json | unknown field 'by'
          POST | /api/runs/00000000-0000-0000-0000-000000000000/steps/say/acknowledge | {"outcome":"maybe"} | 400 | bad_outcome | ok or gap
          POST | /api/runs/00000000-0000-0000-0000-000000000000/steps/say/acknowledge | {"outcome":"gap"} | 400 | bad_acknowledgement | needs notes
          POST | /api/runs/00000000-0000-0000-0000-000000000000/steps/say/acknowledge | {"notes":"x"} | 400 | missing_outcome | 'outcome' is required
          POST | /api/runs/00000000-0000-0000-0000-000000000000/steps/say/acknowledge | {"outcome":"ok"} | 404 | unknown_run | no run with id
          POST | /api/runs/00000000-0000-0000-0000-000000000000/steps/Say%20it/acknowledge | {"outcome":"ok"} | 400 | bad_step_id | step id
          GET  | /api/runs/not-a-uuid          |                                           | 400 | bad_run_id         | UUID
          GET  | /api/runs/00000000-0000-0000-0000-000000000000 |                          | 404 | unknown_run        | no run with id
          POST | /api/runs/00000000-0000-0000-0000-000000000000/cancel |                   | 404 | unknown_run        | no run with id
          GET  | /api/runs?limit=0             |                                           | 400 | bad_limit          | from 1 to 200
          GET  | /api/runs?limit=abc           |                                           | 400 | bad_limit          | got 'abc'
          GET  | /api/runs?offset=-1           |                                           | 400 | bad_offset         | from 0
          GET  | /api/nowhere                  |                                           | 404 | not_found          | 404
          DELETE | /api/runs                   |                                           | 405 | method_not_allowed | 405
          """)
  void answersWithAJsonError(
      String method, String path, String body, int status, String code, String says)
      throws Exception {
    // Every role may hear these refusals; the operator's token reaches every endpoint above.
    HttpResponse<String> response =
        new TestApi(APP.getLocalPort()).send(method, path, body, TestTokens.OPERATOR);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    JsonNode error = json.readTree(response.body()).path("error");
    assertThat(error.path("code").asText()).as(response.body()).isEqualTo(code);
    assertThat(error.path("message").asText() + " " + error.path("details"))
        .as("the error should say what was wrong")
        .contains(says);
  }
}
