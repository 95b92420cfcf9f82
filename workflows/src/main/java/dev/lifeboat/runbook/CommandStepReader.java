package dev.lifeboat.runbook;

import dev.lifeboat.activities.command.CommandRequest;
import java.util.List;
import java.util.Optional;

/**
 * {@code command}: reads {@link CommandStep}. The command line's references are substituted
 * shell-quoted, so a param value is always one literal word to the remote shell.
 */
final class CommandStepReader implements StepReader<CommandStep> {
  /** Both streams together stay well under Temporal's 2 MB payload limit. */
  static final int MAX_OUTPUT_CAP = 512 * 1024;

  @Override
  public List<String> fields() {
    return List.of("host", "run", "expect_exit", "output_cap");
  }

  @Override
  public Optional<CommandStep> read(Input step) {
    int mark = step.problems().count();
    YamlMap fields = step.fields();
    Optional<String> host =
        fields
            .required("host")
            .flatMap(f -> ConfiguredNames.HOSTS.read(f, step.references(), step.knownHosts()));
    Optional<String> run = fields.required("run").flatMap(step.references()::shellText);
    int expectExit =
        fields.optional("expect_exit").flatMap(f -> f.integer(0, 255)).orElse(0L).intValue();
    int outputCap =
        fields
            .optional("output_cap")
            .flatMap(f -> f.integer(2, MAX_OUTPUT_CAP))
            .orElse((long) CommandRequest.DEFAULT_OUTPUT_CAP)
            .intValue();
    if (step.problems().since(mark)) {
      return Optional.empty();
    }
    return Optional.of(
        new CommandStep(
            step.id(),
            step.policy(),
            new CommandRequest(host.get(), run.get(), null, expectExit, outputCap)));
  }
}
