package dev.lifeboat.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A step's {@code drill:} map: the fields it runs with in a drill instead of those written (e.g.
 * {@code database: drill_shop_${run.id}}). Each kind declares which of its fields may be overridden
 * ({@link StepKind#drillFields()}); the drill variant of the step is its map with those fields
 * replaced, read by the kind's own reader, so an override is checked like the field it replaces and
 * its problems point into the {@code drill:} block.
 */
final class DrillOverrides {
  private final Problems problems;

  DrillOverrides(Problems problems) {
    this.problems = problems;
  }

  /**
   * The step's map as a drill runs it, or empty when it has no {@code drill:} map or the map has
   * problems (each reported: a field the kind does not let a drill override, an empty map).
   */
  Optional<YamlMap> variant(YamlMap step, StepKind<?> kind) {
    Optional<Field> drill = step.optional("drill");
    if (drill.isEmpty() || !(drill.get().node() instanceof MappingNode drillNode)) {
      return Optional.empty();
    }
    YamlMap overrides = drill.get().map().orElseThrow();
    Map<String, Field> fields = overrides.fields();
    if (fields.isEmpty()) {
      drill
          .get()
          .fail(
              "drill: {} overrides nothing; name the fields a drill runs with instead ("
                  + allowed(kind)
                  + "), or write drill: as-is");
      return Optional.empty();
    }
    int mark = problems.count();
    fields
        .keySet()
        .forEach(
            key -> {
              if (!kind.drillFields().contains(key)) {
                problems.add(
                    overrides.keyNode(key),
                    overrides.childPath(key),
                    "field '"
                        + key
                        + "' cannot be overridden in a drill; a "
                        + kind.name()
                        + " step may override: "
                        + allowed(kind));
              }
            });
    if (problems.since(mark)) {
      return Optional.empty();
    }
    return Optional.of(new YamlMap(merged(step.node(), drillNode), step.path(), problems));
  }

  private static String allowed(StepKind<?> kind) {
    return kind.drillFields().isEmpty()
        ? "none of its fields"
        : String.join(", ", kind.drillFields());
  }

  /** The step's entries with the overridden ones replaced (in place) and the others added. */
  private static MappingNode merged(MappingNode step, MappingNode drill) {
    List<NodeTuple> tuples = new ArrayList<>();
    List<String> used = new ArrayList<>();
    for (NodeTuple entry : step.getValue()) {
      String key = key(entry);
      if ("drill".equals(key)) {
        continue;
      }
      Optional<NodeTuple> override =
          drill.getValue().stream().filter(o -> key != null && key.equals(key(o))).findFirst();
      tuples.add(override.orElse(entry));
      override.ifPresent(o -> used.add(key));
    }
    drill.getValue().stream().filter(o -> !used.contains(key(o))).forEach(tuples::add);
    return new MappingNode(
        Tag.MAP, true, tuples, step.getStartMark(), step.getEndMark(), step.getFlowStyle());
  }

  private static String key(NodeTuple entry) {
    Node key = entry.getKeyNode();
    return key instanceof ScalarNode scalar ? scalar.getValue() : null;
  }
}
