package dev.lifeboat.activities.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.postgres.SqlCode.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlCodeTest {
  /** The kind of the character marked by the first '^' of the text (the '^' itself is code). */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "select ^ from t                       | CODE",
        "select 'a ^ b'                        | STRING",
        "select 'it''s ^'                      | STRING",
        "select 'it''s' ^                      | CODE",
        "select 'a\\' ^                        | CODE",
        "select E'a\\' ^ '                     | STRING",
        "select e'a\\\\' ^                     | CODE",
        "select \"col ^\"                      | QUOTED_IDENTIFIER",
        "select \"a\"\"b\" ^                   | CODE",
        "select $$ ^ $$                        | STRING",
        "select $tag$ $$ ^ $tag$               | STRING",
        "select $tag$ x $tag$ ^                | CODE",
        "select a$b$ ^                         | CODE",
        "select $1 ^                           | CODE",
        "select 1 -- ^                         | COMMENT",
        "select /* /* ^ */ still */ 1          | COMMENT",
        "select /* /* x */ still */ ^          | CODE",
        "select 'unclosed ^                    | STRING",
      })
  void tellsCodeFromStringsIdentifiersAndComments(String sql, Kind expected) {
    String text = sql.strip();

    assertThat(SqlCode.of(text).at(text.indexOf('^'))).isEqualTo(expected);
  }
}
