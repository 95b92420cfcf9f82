package dev.lifeboat.runbook;

import dev.lifeboat.activities.postgres.DatabaseNames;
import dev.lifeboat.activities.postgres.SqlBind;
import dev.lifeboat.activities.postgres.SqlCode;
import dev.lifeboat.activities.postgres.SqlType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The references of SQL text. Each becomes a bind parameter: {@code ${params.region}} turns into
 * {@code $1} and the launch value travels beside the query, typed from the param (string → text,
 * integer → bigint, boolean → boolean, duration → interval; run values are text), so a value is
 * always compared as data and can never end a statement or start another. A reference only works
 * where a value may stand in code: inside a string constant, a quoted identifier or a comment, or
 * glued to a word, it is a problem of the runbook, reported where it is written.
 */
final class SqlReferences {
  /** A {@code $n} the author wrote: the numbers belong to the references. */
  private static final Pattern POSITIONAL = Pattern.compile("\\$\\d");

  private final References references;
  private final Map<String, ParamType> types = new HashMap<>();

  SqlReferences(References references, List<DeclaredParam> params) {
    this.references = references;
    params.forEach(p -> types.put("params." + p.name(), p.param().type()));
  }

  SqlText bind(Field field, String raw) {
    return bind(field, raw, false);
  }

  /**
   * Like {@link #bind}, and a reference inside a double-quoted identifier ({@code drop database
   * "drill_${run.id}"}) is a name: its value is checked against {@link DatabaseNames}' alphabet
   * (letters, digits, {@code _} and {@code -}, which cannot end the quotes) and written in place,
   * as is the whole name; a value that fails the check refuses the launch.
   */
  SqlText bindWithNames(Field field, String raw) {
    return bind(field, raw, true);
  }

  private SqlText bind(Field field, String raw, boolean quotedNames) {
    SqlCode code = SqlCode.of(raw);
    refusePositionalParameters(field, raw, code);
    Matcher reference = References.references(raw);
    StringBuilder query = new StringBuilder();
    List<String> names = new ArrayList<>();
    List<SqlBind> binds = new ArrayList<>();
    while (reference.find()) {
      String name = reference.group(1).trim();
      Optional<String> value = references.valueOf(field, name);
      if (quotedNames
          && !name.startsWith("secrets.")
          && code.at(reference.start()) == SqlCode.Kind.QUOTED_IDENTIFIER) {
        reference.appendReplacement(query, "");
        query.append(nameIn(field, reference.group(), value));
        continue;
      }
      // A secret is refused by valueOf already, wherever it stands.
      boolean placeable = !name.startsWith("secrets.") && placeable(field, raw, code, reference);
      reference.appendReplacement(query, "");
      if (!references.launching() || !placeable || value.isEmpty()) {
        query.append(reference.group());
        continue;
      }
      int index = names.indexOf(name);
      if (index < 0) {
        names.add(name);
        binds.add(bindOf(name, value.get()));
        index = names.size() - 1;
      }
      query.append('$').append(index + 1);
    }
    reference.appendTail(query);
    References.checkClosed(field, raw);
    return new SqlText(query.toString(), binds);
  }

  /** A name's part from a reference, checked; as written when only checking. */
  private String nameIn(Field field, String written, Optional<String> value) {
    if (!references.launching() || value.isEmpty()) {
      return written;
    }
    Optional<String> problem = DatabaseNames.problemWith(value.get());
    if (problem.isPresent()) {
      field.fail(
          written + " in a quoted name: " + problem.get().replace("database name ", "name "));
      return written;
    }
    return value.get();
  }

  private static void refusePositionalParameters(Field field, String raw, SqlCode code) {
    Matcher positional = POSITIONAL.matcher(raw);
    while (positional.find()) {
      int at = positional.start();
      if (code.at(at) == SqlCode.Kind.CODE
          && (at == 0 || !SqlCode.isIdentifierPart(raw.charAt(at - 1)))) {
        field.fail(
            "'"
                + raw.substring(at, at + 2)
                + "' is a bind parameter, and Lifeboat numbers those itself; write"
                + " ${params.NAME} where a value goes");
        return;
      }
    }
  }

  /** Whether a bound value can stand where this reference is; reports why not. */
  private static boolean placeable(Field field, String raw, SqlCode code, Matcher reference) {
    String written = reference.group();
    String problem =
        switch (code.at(reference.start())) {
          case CODE -> null;
          case STRING ->
              " is inside a string constant, where no value can be bound; write it without"
                  + " quotes, as a value of its own: = "
                  + written
                  + ", not = '"
                  + written
                  + "' (cast it where needed: "
                  + written
                  + "::date)";
          case QUOTED_IDENTIFIER ->
              " is inside a quoted identifier; a name cannot be bound, so it cannot come from a"
                  + " param";
          case COMMENT -> " is inside a comment, where no value can be bound; remove it";
        };
    if (problem != null) {
      field.fail(written + problem);
      return false;
    }
    int before = reference.start() - 1;
    int after = reference.end();
    if ((before >= 0 && SqlCode.isIdentifierPart(raw.charAt(before)))
        || (after < raw.length() && SqlCode.isIdentifierPart(raw.charAt(after)))) {
      field.fail(
          written
              + " is glued to a word; a bound value cannot be part of a name or a number:"
              + " put it on its own, e.g. "
              + written
              + " or 'prefix_' || "
              + written);
      return false;
    }
    return true;
  }

  private SqlBind bindOf(String name, String value) {
    ParamType type = types.getOrDefault(name, ParamType.STRING);
    if (type != ParamType.STRING && (value.isEmpty() || type.problemWith(value).isPresent())) {
      // An optional param nobody set is NULL; a bad launch value was reported already.
      return new SqlBind(sqlType(type), null);
    }
    return switch (type) {
      case STRING -> SqlBind.text(value);
      case INTEGER -> new SqlBind(SqlType.BIGINT, value);
      case BOOLEAN -> new SqlBind(SqlType.BOOLEAN, value);
      case DURATION ->
          new SqlBind(SqlType.INTERVAL, Durations.parse(value).orElseThrow().toString());
    };
  }

  private static SqlType sqlType(ParamType type) {
    return switch (type) {
      case STRING -> SqlType.TEXT;
      case INTEGER -> SqlType.BIGINT;
      case BOOLEAN -> SqlType.BOOLEAN;
      case DURATION -> SqlType.INTERVAL;
    };
  }
}
