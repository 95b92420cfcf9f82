package dev.lifeboat.activities.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretSyntaxTest {
  @ParameterizedTest
  @ValueSource(strings = {"env:LB_API_TOKEN", "env:_x1", "file:/etc/lifeboat/token", "file:/a b"})
  void acceptsEnvNamesAndAbsoluteFiles(String written) {
    assertThat(SecretSyntax.problemWith(written)).isEmpty();
    assertThat(SecretSyntax.parse(written).reference()).isEqualTo(written);
  }

  @ParameterizedTest
  @ValueSource(strings = {"hunter2-literal", "Bearer abc.def", "ENV:TOKEN", ""})
  void rejectsALiteralWithoutRepeatingIt(String written) {
    assertThatThrownBy(() -> SecretSyntax.parse(written))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("env:NAME or file:/path")
        .satisfies(
            e -> {
              if (!written.isEmpty()) {
                assertThat(e.getMessage()).doesNotContain(written);
              }
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"env:", "env:1TOKEN", "env:MY-TOKEN", "env:a b"})
  void rejectsAnEnvReferenceWithoutAPortableName(String written) {
    assertThat(SecretSyntax.problemWith(written))
        .hasValueSatisfying(
            problem ->
                assertThat(problem)
                    .startsWith("env: must be followed by an environment variable name")
                    .doesNotContain(written.substring(4).isEmpty() ? "\0" : written.substring(4)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"file:", "file:relative/token", "file:/etc/x}y", "file:/etc/a\nb"})
  void rejectsAFileReferenceThatIsNotAnAbsolutePathFitForAPlaceholder(String written) {
    assertThat(SecretSyntax.problemWith(written))
        .hasValue("file: must be followed by an absolute path (starting with '/', without '}')");
  }
}
