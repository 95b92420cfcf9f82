package dev.lifeboat.runbook;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A YAML mapping with its field path. Reports duplicate keys when built, unknown keys when told
 * which are allowed, and missing fields when a required one is asked for.
 */
final class YamlMap {
  private final MappingNode node;
  private final String path;
  private final Problems problems;
  private final Map<String, Node> keys = new LinkedHashMap<>();
  private final Map<String, Node> values = new LinkedHashMap<>();

  YamlMap(MappingNode node, String path, Problems problems) {
    this.node = node;
    this.path = path;
    this.problems = problems;
    for (NodeTuple entry : node.getValue()) {
      if (!(entry.getKeyNode() instanceof ScalarNode keyNode)) {
        problems.add(entry.getKeyNode(), path, "a key must be a plain name, not a list or a map");
        continue;
      }
      String key = keyNode.getValue();
      Node first = keys.get(key);
      if (first != null) {
        problems.add(
            keyNode,
            childPath(key),
            "duplicate field "
                + Excerpt.quote(key)
                + " (first at line "
                + (first.getStartMark().getLine() + 1)
                + ")");
        continue;
      }
      keys.put(key, keyNode);
      values.put(key, entry.getValueNode());
    }
  }

  /** Reports every key that is not in {@code allowed}, suggesting the one probably meant. */
  YamlMap allow(Collection<String> allowed) {
    keys.forEach(
        (key, keyNode) -> {
          if (!allowed.contains(key)) {
            problems.add(keyNode, childPath(key), Suggestions.unknown("field", key, allowed));
          }
        });
    return this;
  }

  Optional<Field> optional(String key) {
    return Optional.ofNullable(values.get(key))
        .map(value -> new Field(value, childPath(key), problems));
  }

  /** The field, or empty after reporting it missing (located at the start of this map). */
  Optional<Field> required(String key) {
    Optional<Field> field = optional(key);
    if (field.isEmpty()) {
      problems.add(node, childPath(key), "missing required field " + Excerpt.quote(key));
    }
    return field;
  }

  boolean has(String key) {
    return values.containsKey(key);
  }

  /** Every entry as a field, in document order (duplicates dropped, they are reported). */
  Map<String, Field> fields() {
    Map<String, Field> fields = new LinkedHashMap<>();
    values.forEach((key, value) -> fields.put(key, new Field(value, childPath(key), problems)));
    return fields;
  }

  /** The key node of an entry, for problems about the key itself. */
  Node keyNode(String key) {
    return keys.get(key);
  }

  MappingNode node() {
    return node;
  }

  String path() {
    return path;
  }

  String childPath(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
