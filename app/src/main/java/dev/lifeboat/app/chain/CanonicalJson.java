package dev.lifeboat.app.chain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The canonical JSON form that record hashes are taken over, so anyone can recompute them from the
 * stored values (the README's "Integrity of the record" documents it):
 *
 * <ul>
 *   <li>no whitespace; object members sorted by name (compared as UTF-16 code units, as Java and
 *       JavaScript compare strings);
 *   <li>strings escape only {@code "}, {@code \} and control characters below U+0020 ({@code \b \f
 *       \n \r \t}, others as {@code \}{@code u00xx}); everything else is written as itself, UTF-8;
 *   <li>numbers as plain decimals: no exponent, no trailing fraction zeros, {@code 0} for zero
 *       ({@code 1.50}, {@code 1.5e0} and {@code 15E-1} are all {@code 1.5}).
 * </ul>
 *
 * <p>Numbers are written by value because PostgreSQL's {@code jsonb} keeps a number's value, not
 * its spelling: a detail written as {@code 1.0E10} reads back as {@code 10000000000}, and the hash
 * of either must be the same.
 */
public final class CanonicalJson {
  private static final ObjectMapper READER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private CanonicalJson() {}

  /** The canonical form of JSON text; {@code null} for {@code null}. */
  public static String ofText(String json) {
    return json == null ? "null" : of(tree(json));
  }

  /** The canonical form of a tree. */
  public static String of(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
    return out.toString();
  }

  /** A tree of JSON text as the canonical form reads it (floats as exact decimals). */
  static JsonNode tree(String json) {
    try {
      return READER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static void write(JsonNode node, StringBuilder out) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      out.append("null");
    } else if (node.isObject()) {
      List<String> names = new ArrayList<>();
      node.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      out.append('{');
      for (int i = 0; i < names.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        string(names.get(i), out);
        out.append(':');
        write(node.get(names.get(i)), out);
      }
      out.append('}');
    } else if (node.isArray()) {
      out.append('[');
      Iterator<JsonNode> items = node.elements();
      boolean first = true;
      while (items.hasNext()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        write(items.next(), out);
      }
      out.append(']');
    } else if (node.isNumber()) {
      out.append(number(node.decimalValue()));
    } else if (node.isBoolean()) {
      out.append(node.booleanValue());
    } else {
      string(node.asText(), out);
    }
  }

  private static String number(BigDecimal value) {
    if (value.signum() == 0) {
      return "0";
    }
    return value.stripTrailingZeros().toPlainString();
  }

  private static void string(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append("\\u%04x".formatted((int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
