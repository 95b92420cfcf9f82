package dev.lifeboat.runbook;

import dev.lifeboat.activities.notify.NotifyChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code stages:} and {@code finally:} and their steps; one reader reads both, so step ids
 * and stage names are checked for uniqueness across the whole plan.
 */
final class StagesReader {
  static final List<String> STAGE_FIELDS = List.of("name", "steps");
  static final List<String> STEP_FIELDS = List.of("id", "kind");

  /** Ids appear in workflow ids, URLs and reports. */
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

  private final Problems problems;
  private final References references;
  private final Optional<Duration> rpo;
  private final Optional<Set<String>> knownHosts;
  private final Optional<Set<String>> knownServers;
  private final StepPolicyReader policies;
  private final StepSites sites;
  private final NotifyTemplates templates;
  private final DrillOverrides overrides;
  private final Optional<String> mode;
  private final Optional<DrillGuard> drillRule;
  private final boolean noSmtp;
  private final Map<String, Node> stepIds = new HashMap<>();
  private final Map<String, Node> stageNames = new HashMap<>();
  private final Map<String, Map<String, Object>> written = new LinkedHashMap<>();

  /** The step that says {@code restores_service: true}, once one has. */
  private Field restoring;

  private String restoringId;

  private boolean readingFinally;

  StagesReader(
      Problems problems,
      References references,
      Optional<Duration> rpo,
      Optional<Set<String>> knownHosts,
      Optional<Set<String>> knownServers,
      Map<String, String> hostSites,
      NotifyTemplates templates,
      Optional<String> mode,
      Optional<DrillGuard> drillRule,
      boolean noSmtp) {
    this.problems = problems;
    this.noSmtp = noSmtp;
    this.references = references;
    this.rpo = rpo;
    this.knownHosts = knownHosts;
    this.knownServers = knownServers;
    this.policies = new StepPolicyReader(references);
    this.sites = new StepSites(hostSites);
    this.templates = templates;
    this.overrides = new DrillOverrides(problems);
    this.mode = mode;
    this.drillRule = drillRule;
  }

  /** Each step's fields as written, by step id: read only for a tabletop run. */
  Map<String, Map<String, Object>> written() {
    return written;
  }

  /** The stages, when every one of them is sound. */
  Optional<List<Stage>> read(Field stages) {
    return read(stages, "a runbook needs at least one stage");
  }

  /** The {@code finally:} stages, when every one of them is sound. */
  Optional<List<Stage>> readFinally(Field stages) {
    readingFinally = true;
    try {
      return read(stages, "finally needs at least one stage; remove it if nothing runs at the end");
    } finally {
      readingFinally = false;
    }
  }

  private Optional<List<Stage>> read(Field stages, String emptyMessage) {
    int mark = problems.count();
    List<Stage> read = new ArrayList<>();
    stages
        .list(emptyMessage)
        .ifPresent(list -> list.forEach(stage -> stage(stage).ifPresent(read::add)));
    return problems.since(mark) ? Optional.empty() : Optional.of(read);
  }

  private Optional<Stage> stage(Field field) {
    return field
        .map()
        .flatMap(
            map -> {
              map.allow(STAGE_FIELDS);
              Optional<String> name = map.required("name").flatMap(Field::text);
              name.ifPresent(n -> unique(stageNames, n, map.optional("name").get(), "stage name"));
              List<Step> steps = new ArrayList<>();
              map.required("steps")
                  .flatMap(f -> f.list("a stage needs at least one step"))
                  .ifPresent(
                      list ->
                          list.forEach(step -> step(step, name.orElse("")).ifPresent(steps::add)));
              return name.map(n -> new Stage(n, steps));
            });
  }

  private Optional<Step> step(Field field, String stageName) {
    return step(field, stageName, null);
  }

  /**
   * @param undoing the id of the step this one undoes, or {@code null} for a step of a stage; an
   *     undo's id defaults to {@code <that id>-undo}, and an undo has no undo of its own
   */
  private Optional<Step> step(Field field, String stageName, String undoing) {
    Optional<YamlMap> found = field.map();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    YamlMap map = found.get();
    Optional<String> id =
        undoing != null && !map.has("id")
            ? Optional.of(undoing + "-undo").filter(i -> uniqueUndo(i, field))
            : map.required("id").flatMap(f -> f.literal("an id")).filter(i -> id(map, i));
    Optional<Field> kindField = map.required("kind");
    Optional<StepKind<?>> kind =
        kindField
            .flatMap(f -> f.literal("a step kind"))
            .flatMap(name -> kind(kindField.get(), name));
    if (kind.isEmpty()) {
      // Without a kind we cannot know which fields belong; checking them would only add noise.
      return Optional.empty();
    }
    map.allow(
        Stream.of(STEP_FIELDS, kind.get().fields(), StepPolicyReader.FIELDS)
            .flatMap(List::stream)
            .toList());
    StepPolicy readPolicy = policies.read(map);
    if (readPolicy.marksServiceRestored()) {
      restoresService(map.optional("restores_service").orElseThrow(), id, undoing);
    }
    Optional<Field> undoField = map.optional("undo");
    if (undoField.isPresent()) {
      if (undoing != null) {
        undoField.get().fail("an undo cannot have an undo of its own");
      } else {
        Optional<Step> undo = step(undoField.get(), stageName, id.orElse("?"));
        if (undo.isEmpty()) {
          return Optional.empty();
        }
        readPolicy = readPolicy.withUndo(undo.get());
      }
    }
    StepPolicy policy = readPolicy;
    Optional<YamlMap> drillMap = overrides.variant(map, kind.get());
    boolean drillRun = mode.filter("drill"::equals).isPresent();
    if (drillRun && drillMap.isPresent()) {
      // A drill runs the step as overridden; the fields it replaces are not read.
      return read(kind.get(), id, policy, drillMap.get(), stageName);
    }
    Optional<Step> asWritten = read(kind.get(), id, policy, map, stageName);
    if (mode.filter("tabletop"::equals).isPresent()) {
      id.ifPresent(i -> written.put(i, WrittenFields.of(map.node())));
    }
    Optional<Step> inDrills =
        mode.isEmpty()
            ? drillMap.flatMap(variant -> read(kind.get(), id, policy, variant, stageName))
            : Optional.empty();
    if (drillMap.isEmpty() || inDrills.isPresent()) { // a broken drill: map is reported already
      drillRule.ifPresent(
          guard -> inDrills.or(() -> asWritten).flatMap(guard::refusal).ifPresent(field::fail));
    }
    return asWritten;
  }

  /** The step read from {@code map}: the step as written, or its drill variant. */
  private Optional<Step> read(
      StepKind<?> kind, Optional<String> id, StepPolicy policy, YamlMap map, String stageName) {
    return kind.read(
            new StepReader.Input(
                id.orElse("?"), policy, map, references, rpo, knownHosts, problems, knownServers))
        .filter(step -> id.isPresent())
        .map(step -> sites.assign(step, map))
        .map(
            step -> {
              if (step instanceof NotifyStep) {
                templates.check(map.optional("message").orElseThrow(), step.id(), stageName);
                map.optional("subject")
                    .ifPresent(subject -> templates.check(subject, step.id(), stageName));
                if (noSmtp && ((NotifyStep) step).channel() == NotifyChannel.EMAIL) {
                  map.optional("channel")
                      .orElseThrow()
                      .fail(
                          "channel email sends through the smtp: server of config.yml, and none"
                              + " is configured");
                }
              }
              if (step instanceof ApprovalStep approval && approval.escalate() != null) {
                map.optional("escalate")
                    .flatMap(Field::map)
                    .flatMap(escalate -> escalate.optional("message"))
                    .ifPresent(message -> templates.check(message, step.id(), stageName));
              }
              return step;
            });
  }

  /**
   * The run's RTO is measured to the end of one step of the main stages: an undo or a {@code
   * finally:} step runs after the recovery, and two marks would make the measure ambiguous.
   */
  private void restoresService(Field field, Optional<String> id, String undoing) {
    if (undoing != null) {
      field.fail(
          "an undo does not restore service (it runs at the end of a drill); mark the step of a"
              + " stage whose end is when service is back");
    } else if (readingFinally) {
      field.fail(
          "a finally: step runs after the recovery, so its end is not when service is back; mark"
              + " a step of stages:");
    } else if (restoring != null) {
      field.fail(
          "only one step may restore service (the run's RTO is measured to its end); step '"
              + restoringId
              + "' already says restores_service: true (line "
              + (restoring.node().getStartMark().getLine() + 1)
              + ")");
    } else {
      restoring = field;
      restoringId = id.orElse("?");
    }
  }

  private boolean id(YamlMap map, String id) {
    Field field = map.optional("id").get();
    if (!ID.matcher(id).matches()) {
      field.fail(
          "'"
              + id
              + "' is not a valid step id; use lowercase letters, digits, '-' and '_', starting"
              + " with a letter or digit");
      return false;
    }
    return unique(stepIds, id, field, "step id");
  }

  private boolean uniqueUndo(String id, Field field) {
    return unique(stepIds, id, field, "step id (of an undo; give it an id: of its own)");
  }

  private boolean unique(Map<String, Node> seen, String name, Field field, String what) {
    Node first = seen.putIfAbsent(name, field.node());
    if (first != null) {
      field.fail(
          "duplicate "
              + what
              + " '"
              + name
              + "' (first at line "
              + (first.getStartMark().getLine() + 1)
              + ")");
      return false;
    }
    return true;
  }

  private Optional<StepKind<?>> kind(Field field, String name) {
    Optional<StepKind<?>> kind = StepKinds.find(name);
    if (kind.isEmpty()) {
      field.fail(Suggestions.unknown("step kind", name, StepKinds.names()));
    }
    return kind;
  }
}
