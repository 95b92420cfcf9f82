package dev.lifeboat.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lifeboat.activities.StepResult;
import io.temporal.activity.ActivityInterface;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every step kind is declared once ({@link StepKinds}) and known wherever it must be: {@link
 * Step}'s permitted records, the parser, the JSON form of steps, the published schema and the
 * README. The workflow's dispatch is checked by {@code StepDispatcherTest}, the workers'
 * registrations by the app's {@code StepActivitiesTest}.
 */
class StepKindsTest {
  private static List<Class<?>> declaredTypes() {
    return StepKinds.all().stream().<Class<?>>map(StepKind::type).toList();
  }

  @Test
  void everyPermittedStepRecordIsDeclaredOnceAsAKind() {
    assertThat(declaredTypes())
        .as("each record Step permits needs a declaration in StepKinds, and only those")
        .containsExactlyInAnyOrder(Step.class.getPermittedSubclasses())
        .doesNotHaveDuplicates();
    assertThat(StepKinds.names()).doesNotHaveDuplicates();
  }

  @Test
  void eachKindHasItsRecordsNameAndIsFoundByIt() throws ReflectiveOperationException {
    for (StepKind<?> kind : StepKinds.all()) {
      assertThat(kind.type().getField("KIND").get(null))
          .as("%s is declared with the name its record gives as KIND", kind.type().getSimpleName())
          .isEqualTo(kind.name());
      assertThat(StepKinds.find(kind.name())).as("the parser finds %s", kind).contains(kind);
    }
  }

  @Test
  void eachKindCallsActivityMethodsThatReturnAStepResult() {
    for (StepKind<?> kind : StepKinds.all()) {
      assertThat(kind.activities())
          .as("the activities %s calls are Temporal activity interfaces", kind)
          .allSatisfy(type -> assertThat(type).hasAnnotation(ActivityInterface.class));
      if (kind.execution() instanceof ActivityCall<?, ?> call) {
        assertThat(StepResult.class).isAssignableFrom(call.method().getReturnType());
      } else {
        assertThat(kind.execution().heartbeats())
            .as("%s runs in the workflow, whose routine chooses its activities' options", kind)
            .isFalse();
      }
    }
  }

  @Test
  void stepsOfEveryKindTravelInJsonUnderTheirYamlName() throws IOException {
    // Temporal's own mapper: what workflow inputs and histories hold.
    ObjectMapper json = JacksonJsonPayloadConverter.newDefaultObjectMapper();
    Set<String> seen = new TreeSet<>();
    for (String name : Fixtures.names("valid")) {
      Runbook plan =
          new RunbookParser().parse(name, Fixtures.text("valid/" + name)).runbook().orElseThrow();
      for (Step step : plan.steps().toList()) {
        JsonNode tree = json.valueToTree(step);
        assertThat(tree.path("kind").asText()).isEqualTo(step.kindName());
        assertThat(tree.has("hosts")).as("only a step's fields are written").isFalse();
        assertThat(json.treeToValue(tree, Step.class)).isEqualTo(step);
        seen.add(step.kindName());
      }
    }
    assertThat(seen)
        .as("a valid fixture under runbooks/valid uses every kind")
        .containsExactlyInAnyOrderElementsOf(StepKinds.names());
  }

  @Test
  void theSchemaDescribesEveryKindWithTheFieldsItsReaderReads() {
    JsonNode schema = RunbookSchemaTest.schemaJson();
    List<String> schemaKinds = new ArrayList<>();
    schema.at("/$defs/kind/enum").forEach(kind -> schemaKinds.add(kind.asText()));
    List<String> chosen = new ArrayList<>();
    schema.at("/$defs/step/allOf").forEach(choice -> chosen.add(choice.at("/then/$ref").asText()));

    assertThat(schemaKinds).as("$defs.kind.enum").isEqualTo(StepKinds.names());
    assertThat(chosen)
        .as("$defs.step chooses the definition of each kind")
        .isEqualTo(StepKinds.names().stream().map(name -> "#/$defs/" + name).toList());
    for (StepKind<?> kind : StepKinds.all()) {
      Set<String> schemaFields = new TreeSet<>();
      schema
          .at("/$defs/" + kind.name() + "/properties")
          .fieldNames()
          .forEachRemaining(schemaFields::add);
      Set<String> parserFields =
          Arrays.asList(StagesReader.STEP_FIELDS, StepPolicyReader.FIELDS, kind.fields()).stream()
              .flatMap(List::stream)
              .collect(Collectors.toCollection(TreeSet::new));

      assertThat(schemaFields)
          .as("the schema's $defs.%s allows exactly the fields the parser reads", kind)
          .isEqualTo(parserFields);
    }
  }

  @Test
  void theReadmeDocumentsEveryKindInItsTable() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    assertThat(StepKinds.names())
        .as("each kind has a row in the README's table of step kinds")
        .allSatisfy(name -> assertThat(readme).contains("\n| `" + name + "` |"));
  }
}
