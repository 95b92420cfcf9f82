package dev.lifeboat.runbook;

import java.io.StringReader;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Turns runbook text into SnakeYAML's node tree. We compose rather than load so that every node
 * keeps its line and column, and so that duplicate keys survive for {@link YamlMap} to report.
 */
final class YamlDocument {
  private final Problems problems;

  YamlDocument(Problems problems) {
    this.problems = problems;
  }

  /** The document's root node, or empty after reporting why there is none. */
  Optional<Node> compose(String text) {
    Node root;
    try {
      root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
    } catch (MarkedYAMLException syntax) {
      Mark mark =
          syntax.getProblemMark() != null ? syntax.getProblemMark() : syntax.getContextMark();
      String context = syntax.getContext() == null ? "" : " (" + syntax.getContext() + ")";
      String message = "YAML syntax error: " + syntax.getProblem() + context;
      if (mark == null) {
        problems.add(0, 0, "", message);
      } else {
        problems.add(mark.getLine() + 1, mark.getColumn() + 1, "", message);
      }
      return Optional.empty();
    } catch (YAMLException unreadable) {
      problems.add(0, 0, "", "YAML syntax error: " + unreadable.getMessage());
      return Optional.empty();
    }
    if (root == null || (root instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL))) {
      problems.add(
          0,
          0,
          "",
          "the runbook is empty; it needs at least name, title, owner," + " objectives and stages");
      return Optional.empty();
    }
    return Optional.of(root);
  }
}
