package dev.lifeboat.runbook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * Builds the published JSON Schema for runbooks ({@value #PUBLISHED}) from its sources under {@code
 * schema/}: {@code runbook.json} (the plan around the steps), {@code step.json} (what every step
 * has: id, kind and the policy fields) and one fragment per step kind, {@code kinds/<kind>.json}
 * (its description, fields and rules, and the definitions only it uses). The kinds come from {@link
 * StepKinds}: each is added to {@code $defs.kind}, to the choice in {@code $defs.step}, and as
 * {@code $defs.<kind>}. {@code RunbookSchemaTest} keeps the published file equal to what this
 * builds.
 */
final class RunbookSchema {
  static final String PUBLISHED = "/dev/lifeboat/runbook/runbook.schema.json";
  private static final String SOURCES = "/dev/lifeboat/runbook/schema/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private RunbookSchema() {}

  /** The schema of runbooks with {@code kinds}, as the published file holds it. */
  static String generate(List<StepKind<?>> kinds) {
    ObjectNode schema = read(SOURCES + "runbook.json");
    ObjectNode step = read(SOURCES + "step.json");
    ObjectNode defs = (ObjectNode) schema.get("$defs");
    for (StepKind<?> kind : kinds) {
      ObjectNode fragment = read(kind.schemaFragment());
      defs.withArray("/kind/enum").add(kind.name());
      defs.withArray("/step/allOf").add(choice(kind.name()));
      JsonNode helpers = fragment.remove("$defs");
      if (helpers != null) {
        helpers.fields().forEachRemaining(helper -> defs.set(helper.getKey(), helper.getValue()));
      }
      defs.set(kind.name(), definition(kind, step, fragment));
    }
    return print(schema);
  }

  /** {@code if kind is <name> then $defs.<name>} */
  private static ObjectNode choice(String name) {
    ObjectNode choice = JSON.createObjectNode();
    ObjectNode test = choice.putObject("if");
    test.putObject("properties").putObject("kind").put("const", name);
    test.putArray("required").add("kind");
    choice.putObject("then").put("$ref", "#/$defs/" + name);
    return choice;
  }

  /** What every step has, then the kind's own fields and rules. */
  private static ObjectNode definition(StepKind<?> kind, ObjectNode step, ObjectNode fragment) {
    ObjectNode definition = JSON.createObjectNode();
    definition.set("type", step.get("type"));
    definition.set("description", fragment.remove("description"));
    ObjectNode properties = step.get("properties").deepCopy();
    if (kind.mainWorkerOnly()) {
      properties
          .putObject("site")
          .<ObjectNode>set("not", JSON.createObjectNode())
          .put(
              "description",
              "Not allowed: " + kind.name() + " steps always run on the main worker.");
    }
    properties.setAll((ObjectNode) fragment.remove("properties"));
    properties.set("drill", drill(kind, properties));
    definition.set("properties", properties);
    definition.set("required", step.get("required").deepCopy());
    definition.withArray("required").addAll(fragment.withArray("required"));
    fragment.remove("required");
    definition.set("additionalProperties", step.get("additionalProperties"));
    for (Map.Entry<String, JsonNode> rule : fragment.properties()) {
      definition.set(rule.getKey(), rule.getValue());
    }
    return definition;
  }

  /** {@code drill: as-is}, or overrides of the fields the kind lets a drill override. */
  private static ObjectNode drill(StepKind<?> kind, ObjectNode properties) {
    ObjectNode overrides = JSON.createObjectNode();
    overrides.put("type", "object");
    overrides.put("minProperties", 1);
    overrides.put("additionalProperties", false);
    overrides.put(
        "description",
        "Fields a drill runs with instead of those written; a recovery runs the step as written."
            + " A "
            + kind.name()
            + " step may override: "
            + String.join(", ", kind.drillFields())
            + ".");
    ObjectNode fields = overrides.putObject("properties");
    kind.drillFields().forEach(field -> fields.set(field, properties.get(field).deepCopy()));
    ObjectNode drill = JSON.createObjectNode();
    drill.putArray("oneOf").add(properties.get("drill").deepCopy()).add(overrides);
    return drill;
  }

  private static ObjectNode read(String resource) {
    try (InputStream in = RunbookSchema.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the schema source " + resource + " is missing");
      }
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Two spaces, one array item a line, {@code "key": value}: the published file's layout. */
  private static String print(JsonNode schema) {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withObjectIndenter(indenter)
            .withArrayIndenter(indenter)
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""));
    try {
      return JSON.writer(printer).writeValueAsString(schema) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot print the runbook schema", e);
    }
  }
}
