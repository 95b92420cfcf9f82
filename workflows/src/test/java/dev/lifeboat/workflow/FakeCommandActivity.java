package dev.lifeboat.workflow;

import dev.lifeboat.activities.command.CommandActivity;
import dev.lifeboat.activities.command.CommandRequest;
import dev.lifeboat.activities.command.CommandResult;

/** Runs nothing; the step id is the request's host. */
final class FakeCommandActivity implements CommandActivity {
  private final StepScript script;

  FakeCommandActivity(StepScript script) {
    this.script = script;
  }

  @Override
  public CommandResult command(CommandRequest request) {
    String summary = script.perform(request.host());
    return new CommandResult(request.expectExitCode(), "", "", 0, 10, summary);
  }
}
