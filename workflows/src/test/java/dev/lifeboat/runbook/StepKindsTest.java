package dev.lifeboat.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every kind of {@link Step} is known to the parser and the schema: none can be forgotten. */
class StepKindsTest {
  private static List<String> stepKindNames() throws ReflectiveOperationException {
    List<String> names = new ArrayList<>();
    for (Class<?> kind : Step.class.getPermittedSubclasses()) {
      names.add((String) kind.getField("KIND").get(null));
    }
    return names;
  }

  @Test
  void theParserReadsEveryStepKind() throws ReflectiveOperationException {
    assertThat(StepKinds.names())
        .as("each permitted Step subclass needs a StepKind reader in StepKinds.ALL")
        .containsExactlyInAnyOrderElementsOf(stepKindNames());
    for (StepKind kind : StepKinds.ALL) {
      assertThat(kind.type().getField("KIND").get(null))
          .as("the reader for %s must produce the Step class of that kind", kind.name())
          .isEqualTo(kind.name());
    }
  }

  @Test
  void theSchemaDescribesEveryStepKindWithTheSameFields() throws ReflectiveOperationException {
    JsonNode schema = RunbookSchemaTest.schemaJson();
    List<String> schemaKinds = new ArrayList<>();
    schema.at("/$defs/kind/enum").forEach(kind -> schemaKinds.add(kind.asText()));

    assertThat(schemaKinds)
        .as("$defs.kind.enum in runbook.schema.json must list every step kind")
        .containsExactlyInAnyOrderElementsOf(stepKindNames());
    for (StepKind kind : StepKinds.ALL) {
      JsonNode definition = schema.at("/$defs/" + kind.name() + "/properties");
      Set<String> schemaFields = new java.util.TreeSet<>();
      definition.fieldNames().forEachRemaining(schemaFields::add);
      Set<String> parserFields =
          Arrays.asList(StagesReader.STEP_FIELDS, StepPolicyReader.FIELDS, kind.fields()).stream()
              .flatMap(List::stream)
              .collect(Collectors.toCollection(java.util.TreeSet::new));

      assertThat(schemaFields)
          .as("the schema's $defs.%s must allow exactly the fields the parser reads", kind.name())
          .isEqualTo(parserFields);
    }
  }
}
