package dev.lifeboat.runbook;

import dev.lifeboat.activities.notify.NotifyContext;
import dev.lifeboat.activities.notify.NotifyContext.StepSummary;
import dev.lifeboat.activities.notify.TemplateCheck;
import dev.lifeboat.activities.notify.TemplateProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions.ScalarStyle;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Renders every notify {@code message} when the plan loads, with sample data shaped like a run's
 * (the plan's params, defaults where declared; a mid-run, a succeeded and a failed outcome), so a
 * template mistake is a problem of the file, with its line, instead of a failed step after a
 * drill's restore and checks have passed. A mistake only a branch none of the samples takes can
 * reach is still found when the step runs.
 */
final class NotifyTemplates {
  private final Problems problems;
  private final TemplateCheck check = new TemplateCheck();
  private final String planName;
  private final String planTitle;
  private final Map<String, String> params;

  /**
   * @param declared the params declared without problems (their defaults and types give samples)
   * @param names every param name declared, even with a broken spec
   */
  NotifyTemplates(
      Problems problems,
      String planName,
      String planTitle,
      List<DeclaredParam> declared,
      Set<String> names) {
    this.problems = problems;
    this.planName = planName;
    this.planTitle = planTitle;
    Map<String, String> samples = new LinkedHashMap<>();
    names.forEach(name -> samples.put(name, "sample"));
    declared.forEach(param -> samples.put(param.name(), sample(param.param())));
    this.params = Map.copyOf(samples);
  }

  /** Reports the first mistake rendering {@code message} (a notify step's) shows, if any. */
  void check(Field message, String stepId, String stageName) {
    String template = message.node() instanceof ScalarNode scalar ? scalar.getValue() : null;
    if (template == null) {
      return;
    }
    for (NotifyContext sample : samples(stepId, stageName)) {
      Optional<TemplateProblem> problem = check.check(template, sample);
      if (problem.isPresent()) {
        report(message, problem.get());
        return;
      }
    }
  }

  /** While the main stages run; after they succeeded; after a step failed them. */
  private List<NotifyContext> samples(String stepId, String stageName) {
    List<StepSummary> steps =
        List.of(new StepSummary("sample-step", "succeeded", "sample summary"));
    StepSummary failed = new StepSummary("sample-step", "failed", "sample failure");
    return List.of(
        context(stepId, stageName, steps, NotifyContext.RUNNING, null),
        context(stepId, stageName, steps, "succeeded", null),
        context(stepId, stageName, steps, "failed", failed));
  }

  private NotifyContext context(
      String stepId,
      String stageName,
      List<StepSummary> steps,
      String outcome,
      StepSummary failedStep) {
    return new NotifyContext(
        "sample-run",
        "drill",
        "sample-launcher",
        planName,
        planTitle,
        stepId,
        stageName,
        params,
        steps,
        outcome,
        failedStep);
  }

  private static String sample(Param param) {
    if (param.defaultValue() != null) {
      return param.defaultValue();
    }
    return switch (param.type()) {
      case STRING -> "sample";
      case INTEGER -> "1";
      case BOOLEAN -> "true";
      case DURATION -> "1m";
    };
  }

  /**
   * At the template's own line and column in the file when the YAML keeps lines as they are (a
   * {@code |} block, or a one-line value); otherwise at the value, naming the template's line.
   */
  private void report(Field message, TemplateProblem problem) {
    ScalarNode scalar = (ScalarNode) message.node();
    Mark start = scalar.getStartMark();
    int line = start.getLine() + 1;
    int column = start.getColumn() + 1;
    String where = problem.line() == 0 ? "" : " at template " + problem.where();
    Optional<Integer> indent = BlockIndent.of(start);
    if (problem.line() > 0
        && scalar.getScalarStyle() == ScalarStyle.LITERAL
        && indent.isPresent()) {
      line = start.getLine() + 1 + problem.line();
      column = indent.get() + problem.column();
      where = "";
    } else if (problem.line() == 1 && start.getLine() == scalar.getEndMark().getLine()) {
      boolean quoted = scalar.getScalarStyle() != ScalarStyle.PLAIN;
      column = start.getColumn() + (quoted ? 1 : 0) + problem.column();
      where = "";
    }
    problems.add(line, column, message.path(), "template error" + where + ": " + problem.message());
  }
}
