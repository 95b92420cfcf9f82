package dev.lifeboat.runbook;

import static dev.lifeboat.runbook.Fixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.lifeboat.activities.health.HttpProbe;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@code secrets:} and {@code ${secrets.NAME}}: a resolved plan, which becomes the workflow input
 * and the run record, carries placeholders naming references, never values.
 */
class RunbookParserSecretsTest {
  private static final String FIXTURE = "secrets.yml";
  private final RunbookParser parser = new RunbookParser();

  private static HttpProbe probe(ParseResult result) {
    return ((HealthCheckStep) step(result, "lb-pool")).request().http();
  }

  @Test
  void keepsSecretReferencesAsWrittenWhenOnlyChecking() {
    ParseResult result = parser.parse(FIXTURE, Fixtures.text("valid/" + FIXTURE));

    assertThat(result.problems()).isEmpty();
    assertThat(probe(result).headers())
        .containsExactly(
            Map.entry("Authorization", "Bearer ${secrets.lb_token}"),
            Map.entry("Accept", "application/json"));
  }

  @Nested
  class WhenLaunching {
    private final ParseResult result =
        parser.resolve(
            FIXTURE,
            Fixtures.text("valid/" + FIXTURE),
            new RunBindings("r-1", "drill", "alice", Map.of()));

    @Test
    void replacesEachSecretWithAPlaceholderNamingItsReference() {
      assertThat(result.problems()).isEmpty();
      assertThat(probe(result).url())
          .isEqualTo("https://lb.example/api/pools/web?key=${secret:env:STATUS_KEY}");
      assertThat(probe(result).headers())
          .containsEntry("Authorization", "Bearer ${secret:env:LB_API_TOKEN}");
      assertThat(((NotifyStep) step(result, "ops")).url())
          .isEqualTo("${secret:file:/etc/lifeboat/ops-webhook-url}");
    }

    @Test
    void serialisesThePlanWithReferencesOnly() throws Exception {
      String json =
          new ObjectMapper()
              .registerModule(new JavaTimeModule())
              .writeValueAsString(result.runbook().orElseThrow());

      assertThat(json)
          .contains("${secret:env:LB_API_TOKEN}", "${secret:file:/etc/lifeboat/ops-webhook-url}")
          .doesNotContain("${secrets.");
    }
  }

  @Test
  void putsABarePlaceholderInAShellCommandNextToShellQuotedParams() {
    String plan =
        """
        name: shell-secret
        title: Shell secret
        owner: sre
        objectives: {rto: 1m, rpo: 1m}
        secrets:
          db: env:DB_PASSWORD
        params:
          who: {default: "x; rm -rf /"}
        stages:
          - name: only
            steps:
              - id: load
                kind: command
                host: app-1
                run: PGPASSWORD=${secrets.db} psql -U ${params.who}
        """;
    ParseResult result =
        new RunbookParser(java.util.Set.of("app-1"))
            .resolve("shell-secret.yml", plan, new RunBindings("r-1", "drill", "alice", Map.of()));

    assertThat(result.problems()).isEmpty();
    assertThat(((CommandStep) step(result, "load")).request().commandLine())
        .isEqualTo("PGPASSWORD=${secret:env:DB_PASSWORD} psql -U 'x; rm -rf /'");
  }

  @Nested
  class LaunchValues {
    private static final String PLAN =
        """
        name: forged
        title: Forged
        owner: sre
        objectives: {rto: 1m, rpo: 1m}
        params:
          path: {}
          left: {}
          right: {}
        secrets:
          token: env:LB_API_TOKEN
        stages:
          - name: s
            steps:
              - id: web
                kind: health-check
                http:
                  url: "https://h.example/${params.path}"
                  headers: {X-Id: "${params.left}${params.right}", Authorization: "${secrets.token}"}
        """;

    private List<String> problems(Map<String, String> params) {
      return parser
          .resolve("forged.yml", PLAN, new RunBindings("r-1", "drill", "mallory", params))
          .problems()
          .stream()
          .map(RunbookProblem::format)
          .toList();
    }

    @Test
    void cannotSpellOutASecretPlaceholderToReadAnotherSecret() {
      assertThat(
              problems(
                  Map.of(
                      "path", "${secret:file:/etc/shadow}",
                      "left", "$",
                      "right", "{secret:env:DB_PASSWORD}")))
          .containsExactly(
              "forged.yml:17:16: stages[0].steps[0].http.url: a value substituted here would read"
                  + " as a secret placeholder ('${secret:'); launch values cannot refer to secrets",
              "forged.yml:18:27: stages[0].steps[0].http.headers.X-Id: a value substituted here"
                  + " would read as a secret placeholder ('${secret:'); launch values cannot refer"
                  + " to secrets");
    }

    @Test
    void mayStillSitNextToTheAuthorsOwnSecrets() {
      assertThat(problems(Map.of("path", "pools/web", "left", "a", "right", "b"))).isEmpty();
    }
  }
}
