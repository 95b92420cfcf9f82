package dev.lifeboat.runbook;

import dev.lifeboat.activities.health.SqlProbe;
import dev.lifeboat.activities.health.SqlQuery;
import dev.lifeboat.activities.health.Tolerance;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A health check's {@code sql:} probe. Queries take references as bind parameters ({@link
 * SqlReferences}); database names are checked identifiers ({@link DatabaseField}); servers must be
 * configured. {@code expect_same_as} compares the result with another query's, typically the same
 * one on production, within an optional {@code tolerance}.
 */
final class SqlProbeReader {
  static final List<String> FIELDS =
      List.of("server", "database", "query", "expect", "expect_same_as", "tolerance");
  static final List<String> SOURCE_FIELDS = List.of("server", "database", "query");

  private final References references;
  private final Optional<Set<String>> knownServers;

  SqlProbeReader(References references, Optional<Set<String>> knownServers) {
    this.references = references;
    this.knownServers = knownServers;
  }

  Optional<SqlProbe> read(Field field) {
    return field.map().flatMap(this::probe);
  }

  private Optional<SqlProbe> probe(YamlMap map) {
    map.allow(FIELDS);
    Optional<String> server = server(map);
    Optional<String> database = map.required("database").flatMap(this::database);
    Optional<SqlText> query = map.required("query").flatMap(references::sqlText);
    Optional<String> expect = map.optional("expect").flatMap(references::text);
    Optional<Field> sameAsField = map.optional("expect_same_as");
    Optional<SqlQuery> sameAs = sameAsField.flatMap(this::source);
    Optional<Field> toleranceField = map.optional("tolerance");
    Optional<Tolerance> tolerance = toleranceField.flatMap(SqlProbeReader::tolerance);
    if (sameAsField.isPresent() && map.has("expect")) {
      sameAsField
          .get()
          .fail("expect_same_as and expect exclude each other: compare with a query or a value");
    }
    if (toleranceField.isPresent() && sameAsField.isEmpty()) {
      toleranceField.get().fail("tolerance only applies with expect_same_as; add expect_same_as");
    }
    if (server.isEmpty() || database.isEmpty() || query.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new SqlProbe(
            server.get(),
            database.get(),
            query.get().query(),
            sameAs.isPresent() ? null : expect.orElse(null), // both: reported above
            query.get().binds(),
            sameAs.orElse(null),
            sameAs.isPresent() ? tolerance.orElse(null) : null));
  }

  private Optional<SqlQuery> source(Field field) {
    return field
        .map()
        .flatMap(
            map -> {
              map.allow(SOURCE_FIELDS);
              Optional<String> server = server(map);
              Optional<String> database = map.required("database").flatMap(this::database);
              Optional<SqlText> query = map.required("query").flatMap(references::sqlText);
              if (server.isEmpty() || database.isEmpty() || query.isEmpty()) {
                return Optional.empty();
              }
              return Optional.of(
                  new SqlQuery(
                      server.get(), database.get(), query.get().query(), query.get().binds()));
            });
  }

  private Optional<String> server(YamlMap map) {
    return map.required("server")
        .flatMap(f -> ConfiguredNames.SERVERS.read(f, references, knownServers));
  }

  private Optional<String> database(Field field) {
    return DatabaseField.read(field, references);
  }

  private static Optional<Tolerance> tolerance(Field field) {
    return field
        .literal("a tolerance")
        .flatMap(
            text -> {
              Optional<Tolerance> tolerance = Tolerance.parse(text);
              if (tolerance.isEmpty()) {
                field.fail(
                    "'"
                        + text
                        + "' is not a tolerance; write an amount (10) or a percentage of the"
                        + " source's value (0.5%)");
              }
              return tolerance;
            });
  }
}
