package dev.lifeboat.runbook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A step's fields as the runbook writes them ({@code max_age: 24h}, not the model's {@code maxAge:
 * 86400.0}): maps, lists and scalars as text, for tabletop prompts, which people read next to the
 * runbook. Only what was read without problems reaches a run, so every node here is sound.
 */
final class WrittenFields {
  /** What a prompt shows apart: the step's id and kind, and its policy. */
  private static final Set<String> LEFT_OUT =
      Set.of("id", "kind", "timeout", "retry", "on_failure", "site", "drill", "modes");

  private WrittenFields() {}

  static Map<String, Object> of(MappingNode step) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (NodeTuple entry : step.getValue()) {
      if (entry.getKeyNode() instanceof ScalarNode key && !LEFT_OUT.contains(key.getValue())) {
        fields.put(key.getValue(), value(entry.getValueNode()));
      }
    }
    return fields;
  }

  private static Object value(Node node) {
    if (node instanceof MappingNode map) {
      Map<String, Object> fields = new LinkedHashMap<>();
      for (NodeTuple entry : map.getValue()) {
        if (entry.getKeyNode() instanceof ScalarNode key) {
          fields.put(key.getValue(), value(entry.getValueNode()));
        }
      }
      return fields;
    }
    if (node instanceof SequenceNode list) {
      List<Object> items = new ArrayList<>();
      list.getValue().forEach(item -> items.add(value(item)));
      return items;
    }
    return node instanceof ScalarNode scalar ? scalar.getValue() : null;
  }
}
