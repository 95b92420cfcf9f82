package dev.lifeboat.app.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.lifeboat.app.plans.PlanEntry;
import dev.lifeboat.runbook.Durations;
import dev.lifeboat.runbook.Param;
import dev.lifeboat.runbook.Runbook;
import dev.lifeboat.runbook.RunbookFile;
import dev.lifeboat.runbook.RunbookProblem;
import dev.lifeboat.runbook.Stage;
import dev.lifeboat.runbook.Step;
import java.util.List;

/**
 * A plan as the API shows it.
 *
 * @param finallyStages the plan's {@code finally:} stages, as {@code finally}; left out when none
 * @param problems when not empty, the file on disk has these problems and the plan shown (and
 *     launched) is the last version of it that loaded
 */
public record PlanView(
    String name,
    String title,
    String owner,
    String rto,
    String rpo,
    String file,
    List<ParamView> params,
    List<StageView> stages,
    @JsonProperty("finally") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        List<StageView> finallyStages,
    String text,
    List<String> problems) {

  public record ParamView(
      String name, String type, boolean required, String defaultValue, String description) {}

  public record StageView(String name, List<StepView> steps) {}

  public record StepView(String id, String kind, String timeout, int attempts, String onFailure) {}

  /**
   * The full plan, with its YAML text when {@code withText}. {@code problems} are those of the file
   * as it is now on disk when the plan shown is its last good version (empty otherwise).
   */
  public static PlanView of(PlanEntry entry, boolean withText) {
    RunbookFile file = entry.file();
    Runbook plan = file.runbook();
    return new PlanView(
        plan.name(),
        plan.title(),
        plan.owner(),
        Durations.format(plan.objectives().rto()),
        Durations.format(plan.objectives().rpo()),
        file.path().getFileName().toString(),
        plan.params().stream().map(PlanView::param).toList(),
        plan.stages().stream().map(PlanView::stage).toList(),
        plan.finallyStages().stream().map(PlanView::stage).toList(),
        withText ? file.text() : null,
        entry.problems().stream().map(RunbookProblem::format).toList());
  }

  private static ParamView param(Param param) {
    return new ParamView(
        param.name(),
        param.type().yamlName(),
        param.required(),
        param.defaultValue(),
        param.description());
  }

  private static StageView stage(Stage stage) {
    return new StageView(stage.name(), stage.steps().stream().map(PlanView::step).toList());
  }

  private static StepView step(Step step) {
    return new StepView(
        step.id(),
        step.kindName(),
        Durations.format(step.policy().timeout()),
        step.policy().retry().attempts(),
        step.policy().onFailure().yamlName());
  }
}
