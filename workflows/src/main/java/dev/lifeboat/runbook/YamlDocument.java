package dev.lifeboat.runbook;

import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.Parser;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Turns runbook text into SnakeYAML's node tree. We compose rather than load so that every node
 * keeps its line and column, and so that duplicate keys survive for {@link YamlMap} to report.
 *
 * <p>Everything it accepts is bounded, because a runbook is input from outside: the text's size
 * (refused before parsing), aliases and nesting (see {@link BoundedParser}), and, once composed,
 * what aliases could make of it and text PostgreSQL could not store (see {@link NodeBounds}). A
 * file past a bound is a problem of that file, never an error of the reader.
 */
final class YamlDocument {
  /** 256 KiB: a hundred times the largest real runbook, and far under Temporal's 2 MB payloads. */
  static final int MAX_CHARS = 256 * 1024;

  /** A runbook's real nesting is under ten (stages, steps, an action, its headers). */
  static final int MAX_NESTING = 32;

  private final Problems problems;

  YamlDocument(Problems problems) {
    this.problems = problems;
  }

  /** The document's root node, or empty after reporting why there is none. */
  Optional<Node> compose(String text) {
    if (text.length() > MAX_CHARS) {
      problems.add(
          0,
          0,
          "",
          "the runbook is "
              + text.length()
              + " characters long; a runbook may have at most "
              + MAX_CHARS);
      return Optional.empty();
    }
    Node root;
    try {
      LoaderOptions options = options();
      Parser events =
          new BoundedParser(new ParserImpl(new StreamReader(text), options), MAX_NESTING);
      root = new Composer(events, new Resolver(), options).getSingleNode();
    } catch (BoundedParser.Exceeded bound) {
      Mark mark = bound.mark();
      problems.add(mark.getLine() + 1, mark.getColumn() + 1, "", bound.getMessage());
      return Optional.empty();
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
    if (!new NodeBounds(problems).check(root)) {
      return Optional.empty();
    }
    return Optional.of(root);
  }

  private static LoaderOptions options() {
    LoaderOptions options = new LoaderOptions();
    // BoundedParser stops first, with a line; SnakeYAML's own limits are the second line.
    options.setCodePointLimit(MAX_CHARS + 1);
    options.setNestingDepthLimit(MAX_NESTING + 1);
    options.setMaxAliasesForCollections(BoundedParser.MAX_ALIASES);
    options.setAllowRecursiveKeys(false);
    return options;
  }
}
