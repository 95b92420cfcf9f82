package dev.lifeboat.runbook;

import java.util.IdentityHashMap;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Checks a composed document before any reader expands it. An alias is the very node it names, so
 * the tree is a graph: it is walked once per distinct node (by identity), which makes the check
 * itself cheap whatever the aliases would expand to. It refuses
 *
 * <ul>
 *   <li>a node that contains itself (no runbook field is recursive);
 *   <li>a document whose aliases would expand past {@link #MAX_EXPANDED} nodes and characters;
 *   <li>text that cannot be stored: NUL (PostgreSQL text and jsonb refuse it, so every launch of
 *       such a plan failed with a 500) and unpaired surrogates (not characters at all).
 * </ul>
 */
final class NodeBounds {
  /** Four times the largest document: room for honest anchors, none for a bomb. */
  static final long MAX_EXPANDED = 4L * YamlDocument.MAX_CHARS;

  /** The weight of a node that contains itself: past any bound. */
  private static final long ENDLESS = Long.MAX_VALUE / 4;

  private final Problems problems;
  private final Map<Node, Long> weights = new IdentityHashMap<>();
  private final Map<Node, Boolean> open = new IdentityHashMap<>();

  NodeBounds(Problems problems) {
    this.problems = problems;
  }

  /** Whether the document is within bounds; reports every reason it is not. */
  boolean check(Node root) {
    int before = problems.count();
    long weight = weigh(root, "");
    if (weight > MAX_EXPANDED && weight < ENDLESS) {
      problems.add(
          root,
          "",
          "aliases expand this runbook to more than "
              + MAX_EXPANDED
              + " nodes and characters; write the repeated parts out or share less");
    }
    return !problems.since(before);
  }

  /** Nodes plus scalar characters of {@code node} with every alias expanded, saturating. */
  private long weigh(Node node, String path) {
    Long known = weights.get(node);
    if (known != null) {
      return known;
    }
    if (open.containsKey(node)) {
      problems.add(node, path, "this node contains itself through an alias; a runbook cannot");
      return ENDLESS;
    }
    open.put(node, Boolean.TRUE);
    long weight = 1;
    if (node instanceof ScalarNode scalar) {
      checkText(scalar, path);
      weight += scalar.getValue().length();
    } else if (node instanceof SequenceNode sequence) {
      int index = 0;
      for (Node element : sequence.getValue()) {
        weight = add(weight, weigh(element, path + "[" + index++ + "]"));
      }
    } else if (node instanceof MappingNode mapping) {
      for (NodeTuple entry : mapping.getValue()) {
        String child = childPath(path, entry.getKeyNode());
        weight = add(weight, weigh(entry.getKeyNode(), child));
        weight = add(weight, weigh(entry.getValueNode(), child));
      }
    }
    open.remove(node);
    weights.put(node, weight);
    return weight;
  }

  private void checkText(ScalarNode scalar, String path) {
    String text = scalar.getValue();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == 0) {
        problems.add(
            scalar,
            path,
            "text cannot hold the NUL character (\\u0000 at position "
                + i
                + "); PostgreSQL cannot store it");
        return;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        problems.add(
            scalar,
            path,
            String.format(
                "text cannot hold an unpaired surrogate (\\u%04x at position %d); it is not a"
                    + " character",
                (int) c, i));
        return;
      }
    }
  }

  private static String childPath(String path, Node key) {
    String name = key instanceof ScalarNode scalar ? Excerpt.value(scalar.getValue()) : "?";
    return path.isEmpty() ? name : path + "." + name;
  }

  private static long add(long a, long b) {
    return Math.min(ENDLESS, a + b);
  }
}
