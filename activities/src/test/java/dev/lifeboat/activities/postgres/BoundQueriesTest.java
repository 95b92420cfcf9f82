package dev.lifeboat.activities.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lifeboat.activities.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Values bound to a query reach the real PostgreSQL as data, whatever they hold. */
class BoundQueriesTest {
  @RegisterExtension static final TestPostgres pg = new TestPostgres();
  private static String database;

  @BeforeAll
  static void createDatabase() {
    database = pg.createDatabase("bound");
    pg.execute(database, "CREATE TABLE sentinel (id int PRIMARY KEY, note text)");
    pg.execute(database, "INSERT INTO sentinel VALUES (1, 'keep me')");
  }

  private static String first(String query, SqlBind... binds) throws SQLException {
    try (Connection c = PostgresConnections.open(TestPostgres.server(), database)) {
      return BoundQueries.query(
          c, query, List.of(binds), 10, rs -> rs.next() ? rs.getString(1) : null);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "'; drop table sentinel; --",
        "x'); drop table sentinel; --",
        "1; drop table sentinel",
        "note; drop table sentinel; --",
        "\\'; drop table sentinel; --",
        "$$; drop table sentinel; $$",
        "$1",
        "?",
        "*/ drop table sentinel; /*",
        "\"; drop table sentinel; --",
        "ʼ; drop table sentinel; -- (modifier apostrophe)",
        "＇; drop table sentinel; -- (fullwidth apostrophe)",
        "Ω≈ç√ ∫˜µ≤ 🚀 \u202e",
      })
  void aHostileValueIsComparedAsDataAndNothingElseRuns(String hostile) throws SQLException {
    String echoed =
        first("select $1::text || '|' || count(*) from sentinel", SqlBind.text(hostile));
    String matches = first("select count(*) from sentinel where note = $1", SqlBind.text(hostile));

    assertThat(echoed)
        .as("the value came back unchanged, and the table is there")
        .isEqualTo(hostile + "|1");
    assertThat(matches).as("compared as data, it matches no row").isEqualTo("0");
    assertThat(pg.queryText(database, "select note from sentinel where id = 1"))
        .isEqualTo("keep me");
    assertThat(pg.queryText(database, "select count(*) from pg_tables where schemaname = 'public'"))
        .as("no table was made or dropped")
        .isEqualTo("1");
  }

  @Test
  void bindsEachTypeAsItsSqlType() throws SQLException {
    assertThat(first("select pg_typeof($1)::text || ':' || $1", new SqlBind(SqlType.BIGINT, "42")))
        .isEqualTo("bigint:42");
    assertThat(first("select (not $1)::text", new SqlBind(SqlType.BOOLEAN, "false")))
        .isEqualTo("true");
    assertThat(first("select $1::text", new SqlBind(SqlType.INTERVAL, "PT1H30M")))
        .isEqualTo("01:30:00");
    assertThat(first("select coalesce($1::text, 'null')", new SqlBind(SqlType.BIGINT, null)))
        .isEqualTo("null");
  }

  @Test
  void reusesAPlaceholderAndKeepsTheAuthorsQuestionMarks() throws SQLException {
    String jsonbHasKey = "select ('{\"a\": 1}'::jsonb ? $1)::text || $1 || '?'";

    assertThat(first(jsonbHasKey, SqlBind.text("a"))).isEqualTo("truea?");
  }

  @Test
  void leavesPlaceholdersInsideStringsAndCommentsAlone() {
    List<SqlBind> order = new ArrayList<>();

    String jdbc =
        BoundQueries.jdbcText(
            "select '$1 ?', $1 -- $2 ?\n, \"$1\", $$ $1 $$", List.of(SqlBind.text("v")), order);

    assertThat(jdbc).isEqualTo("select '$1 ?', ? -- $2 ?\n, \"$1\", $$ $1 $$");
    assertThat(order).containsExactly(SqlBind.text("v"));
  }

  @Test
  void refusesAPlaceholderWithoutAValue() {
    assertThatThrownBy(
            () -> BoundQueries.jdbcText("select $2", List.of(SqlBind.text("v")), new ArrayList<>()))
        .hasMessage("$2 has no value: the query has 1 bound values");
  }
}
