package dev.lifeboat.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.health.SqlProbe;
import dev.lifeboat.activities.health.SqlQuery;
import dev.lifeboat.activities.health.Tolerance;
import dev.lifeboat.activities.postgres.SqlBind;
import dev.lifeboat.activities.postgres.SqlType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The sql probe: references become bind parameters, database names are checked identifiers. */
class SqlProbeReaderTest {
  private static final String HEAD =
      """
      name: sql-check
      title: Checks a database
      owner: dba
      objectives: {rto: 15m, rpo: 1h}
      params:
        note: {type: string, default: x}
        limit: {type: integer, default: "5"}
        strict: {type: boolean, default: "true"}
        lag: {type: duration, default: 1h30m}
        db: {type: string, default: shop}
      stages:
        - name: check
          steps:
            - id: rows
              kind: health-check
      """;

  private final RunbookParser parser = new RunbookParser(Set.of(), Set.of("main", "drill"));

  /** A plan whose one step is a health check with {@code sql}, written as flow YAML. */
  private static String plan(String sql) {
    return HEAD + "        sql: " + sql + "\n";
  }

  private ParseResult resolve(String text, Map<String, String> params) {
    return parser.resolve("sql.yml", text, new RunBindings("r-7", "drill", "alice", params));
  }

  private static SqlProbe probe(ParseResult result) {
    assertThat(result.problems()).as("the plan resolves").isEmpty();
    return ((HealthCheckStep) Fixtures.step(result, "rows")).request().sql();
  }

  private static List<String> problems(ParseResult result) {
    return result.problems().stream().map(RunbookProblem::format).toList();
  }

  @Nested
  class References {
    @Test
    void becomeTypedBindParametersNumberedOncePerName() {
      SqlProbe probe =
          probe(
              resolve(
                  plan(
                      "{server: main, database: shop, query: \"select count(*) from t where"
                          + " note = ${params.note} and n < ${params.limit} and ok = ${params.strict}"
                          + " and age < ${params.lag} and run = ${run.id} or note = ${params.note}\"}"),
                  Map.of("note", "'; drop table t; --")));

      assertThat(probe.query())
          .isEqualTo(
              "select count(*) from t where note = $1 and n < $2 and ok = $3 and age < $4 and"
                  + " run = $5 or note = $1");
      assertThat(probe.binds())
          .containsExactly(
              SqlBind.text("'; drop table t; --"),
              new SqlBind(SqlType.BIGINT, "5"),
              new SqlBind(SqlType.BOOLEAN, "true"),
              new SqlBind(SqlType.INTERVAL, "PT1H30M"),
              SqlBind.text("r-7"));
    }

    @Test
    void stayAsWrittenWhenThePlanIsOnlyChecked() {
      ParseResult result =
          parser.parse(
              "sql.yml",
              plan("{server: main, database: shop, query: \"select ${params.limit}::int\"}"));

      assertThat(probe(result).query()).isEqualTo("select ${params.limit}::int");
      assertThat(probe(result).binds()).isEmpty();
    }

    @Test
    void areRefusedInsideAStringConstantWhereTheyAreWritten() {
      ParseResult result =
          parser.parse(
              "sql.yml",
              plan(
                  "{server: main, database: shop, query: \"select count(*) from t where note ="
                      + " '${params.note}'\"}"));

      assertThat(problems(result))
          .containsExactly(
              "sql.yml:16:52: stages[0].steps[0].sql.query: ${params.note} is inside a string"
                  + " constant, where no value can be bound; write it without quotes, as a value"
                  + " of its own: = ${params.note}, not = '${params.note}' (cast it where needed:"
                  + " ${params.note}::date)");
    }

    @Test
    void areRefusedInQuotedIdentifiersCommentsAndGluedToWords() {
      ParseResult result =
          parser.parse(
              "sql.yml",
              plan(
                  "{server: main, database: shop, query: \"select \\\"${params.note}\\\","
                      + " t_${params.note} from t -- ${run.id}\"}"));

      assertThat(problems(result))
          .extracting(problem -> problem.substring(problem.indexOf("query: ") + 7))
          .containsExactly(
              "${params.note} is inside a quoted identifier; a name cannot be bound, so it"
                  + " cannot come from a param",
              "${params.note} is glued to a word; a bound value cannot be part of a name or a"
                  + " number: put it on its own, e.g. ${params.note} or 'prefix_' ||"
                  + " ${params.note}",
              "${run.id} is inside a comment, where no value can be bound; remove it");
    }

    @Test
    void leaveNumberedParametersToLifeboat() {
      ParseResult result =
          parser.parse(
              "sql.yml", plan("{server: main, database: shop, query: \"select $1, '$2'\"}"));

      assertThat(problems(result))
          .containsExactly(
              "sql.yml:16:52: stages[0].steps[0].sql.query: '$1' is a bind parameter, and"
                  + " Lifeboat numbers those itself; write ${params.NAME} where a value goes");
    }
  }

  @Nested
  class DatabaseNames {
    @Test
    void aHostileLaunchValueIsRefusedBeforeAnythingRuns() {
      ParseResult result =
          resolve(
              plan("{server: main, database: \"${params.db}\", query: select 1}"),
              Map.of("db", "shop\"; drop database shop; --"));

      assertThat(problems(result))
          .containsExactly(
              "sql.yml:16:39: stages[0].steps[0].sql.database: database name 'shop\"; drop"
                  + " database shop; --' is not allowed: use only letters, digits, _ and -");
    }

    @Test
    void aLongNameIsCutInTheMessage() {
      ParseResult result =
          resolve(
              plan("{server: main, database: \"drill_${params.db}\", query: select 1}"),
              Map.of("db", "x".repeat(300)));

      assertThat(problems(result))
          .singleElement()
          .asString()
          .endsWith(
              "database name 'drill_"
                  + "x".repeat(34)
                  + "…' (306 characters) is longer than PostgreSQL's limit of 63 bytes");
    }

    @Test
    void aWrittenNameIsCheckedWhenThePlanLoads() {
      ParseResult result =
          parser.parse("sql.yml", plan("{server: main, database: \"shop db\", query: select 1}"));

      assertThat(problems(result))
          .singleElement()
          .asString()
          .contains("sql.database: database name 'shop db' is not allowed");
    }

    @Test
    void aRestoreTargetIsCheckedToo() {
      String text =
          HEAD.replace("kind: health-check", "kind: restore-data")
              + "        source: /backups/shop.dump\n"
              + "        server: main\n"
              + "        database: drill_${params.db}\n";

      ParseResult result = resolve(text, Map.of("db", "x; drop database shop"));

      assertThat(problems(result))
          .singleElement()
          .asString()
          .contains(
              "stages[0].steps[0].database: database name 'drill_x; drop database shop' is not"
                  + " allowed");
    }
  }

  @Nested
  class ExpectSameAs {
    @Test
    void readsTheSourceQueryAndTolerance() {
      SqlProbe probe =
          probe(
              resolve(
                  plan(
                      "{server: drill, database: \"drill_${run.id}\", query: select count(*)"
                          + " from orders, expect_same_as: {server: main, database: shop, query:"
                          + " \"select count(*) from orders where note <> ${params.note}\"},"
                          + " tolerance: 0.5%}"),
                  Map.of()));

      assertThat(probe.database()).isEqualTo("drill_r-7");
      assertThat(probe.expectSameAs())
          .isEqualTo(
              new SqlQuery(
                  "main",
                  "shop",
                  "select count(*) from orders where note <> $1",
                  List.of(SqlBind.text("x"))));
      assertThat(probe.tolerance()).isEqualTo(Tolerance.parse("0.5%").orElseThrow());
    }

    @Test
    void reportsAnUnknownServerABadToleranceAndAConflictWithExpect() {
      ParseResult result =
          parser.parse(
              "sql.yml",
              plan(
                  "{server: drill, database: shop, query: select 1, expect: '1',"
                      + " expect_same_as: {server: prod, database: shop, query: select 1},"
                      + " tolerance: lots}"));

      assertThat(problems(result))
          .extracting(problem -> problem.substring(problem.indexOf(": stages") + 2))
          .containsExactlyInAnyOrder(
              "stages[0].steps[0].sql.expect_same_as.server: unknown PostgreSQL server 'prod';"
                  + " configured servers: drill, main",
              "stages[0].steps[0].sql.expect_same_as: expect_same_as and expect exclude each"
                  + " other: compare with a query or a value",
              "stages[0].steps[0].sql.tolerance: 'lots' is not a tolerance; write an amount (10)"
                  + " or a percentage of the source's value (0.5%)");
    }

    @Test
    void aToleranceNeedsASource() {
      ParseResult result =
          parser.parse(
              "sql.yml", plan("{server: main, database: shop, query: select 1, tolerance: 10}"));

      assertThat(problems(result))
          .singleElement()
          .asString()
          .endsWith(
              "sql.tolerance: tolerance only applies with expect_same_as; add expect_same_as");
    }
  }
}
