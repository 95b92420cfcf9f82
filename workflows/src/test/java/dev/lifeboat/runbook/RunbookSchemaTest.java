package dev.lifeboat.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The published JSON Schema agrees with the parser: it accepts every valid plan (the fixtures and
 * the repository's runbooks/ folder) and rejects the broken fixtures a schema can recognise.
 */
class RunbookSchemaTest {
  static final String SCHEMA = RunbookSchema.PUBLISHED;
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final JsonSchema schema = load();

  static JsonSchema load() {
    try (InputStream in = RunbookSchemaTest.class.getResourceAsStream(SCHEMA)) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The valid fixtures, and the plans the app ships with (../runbooks from the module). */
  static Stream<Path> validPlans() throws IOException {
    List<Path> plans = new ArrayList<>();
    Fixtures.names("valid").forEach(name -> plans.add(Fixtures.path("valid/" + name)));
    Path shipped = Path.of("..", "runbooks");
    if (Files.isDirectory(shipped)) {
      plans.addAll(RunbookFolder.runbookFiles(shipped));
    }
    return plans.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validPlans")
  void acceptsEveryValidPlan(Path plan) throws IOException {
    Set<ValidationMessage> errors = schema.validate(YAML.readTree(plan.toFile()));

    assertThat(errors).as("the schema should accept %s, a plan the parser accepts", plan).isEmpty();
    assertThat(new RunbookParser().parse(plan.toString(), Files.readString(plan)).problems())
        .as("the parser should accept %s too", plan)
        .isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "bad-duration.yml",
        "bad-enum.yml",
        "bad-names.yml",
        "bad-objectives.yml",
        "bad-param-spec.yml",
        "bad-site.yml",
        "duplicate-step-id.yml", // not detectable: ids in different stages; see below
        "empty-lists.yml",
        "health-check-probes.yml",
        "missing-required.yml",
        "no-stages.yml",
        "not-a-map.yml",
        "notify-url-rules.yml",
        "notify-email-rules.yml",
        "param-in-literal-field.yml",
        "remote-steps-fields.yml",
        "retry-out-of-range.yml",
        "secret-declarations.yml",
        "start-failover-actions.yml",
        "unknown-field-listed.yml",
        "unknown-field-suggested.yml",
        "unknown-kind-listed.yml",
        "unknown-kind-suggested.yml",
        "wrong-types.yml",
      })
  void rejectsBrokenPlansASchemaCanRecognise(String fixture) throws IOException {
    JsonNode plan = YAML.readTree(Fixtures.text("broken/" + fixture));
    Set<ValidationMessage> errors = schema.validate(plan);

    if (fixture.equals("duplicate-step-id.yml")) {
      assertThat(errors)
          .as("JSON Schema cannot see uniqueness across stages; only the parser reports it")
          .isEmpty();
    } else {
      assertThat(errors)
          .as("the schema should reject %s like the parser does", fixture)
          .isNotEmpty();
    }
  }

  @Test
  void thePublishedSchemaIsBuiltFromItsSourcesAndTheStepKinds() throws IOException {
    // The module's own copy, which editors and the README point at.
    Path published = Path.of("src/main/resources" + RunbookSchema.PUBLISHED);
    String built = RunbookSchema.generate(StepKinds.all());
    if (Boolean.getBoolean("lifeboat.writeSchema")) {
      Files.writeString(published, built);
    }

    assertThat(Files.readString(published))
        .as(
            "%s is built from schema/ and StepKinds; to rebuild it run from the repository root:"
                + " mvn -pl workflows -am test -Dtest=RunbookSchemaTest"
                + " -Dsurefire.failIfNoSpecifiedTests=false -Dlifeboat.writeSchema=true",
            published)
        .isEqualTo(built);
  }

  static JsonNode schemaJson() {
    try (InputStream in = RunbookSchemaTest.class.getResourceAsStream(SCHEMA)) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
