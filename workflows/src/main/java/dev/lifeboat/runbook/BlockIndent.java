package dev.lifeboat.runbook;

import java.util.Optional;
import org.yaml.snakeyaml.error.Mark;

/**
 * The indentation of a {@code |} block's content, read from the text SnakeYAML keeps with the
 * block's start mark: the leading spaces of its first non-blank line. Empty when that text does not
 * reach the line (SnakeYAML keeps a window of the file, not all of it).
 */
final class BlockIndent {
  private BlockIndent() {}

  static Optional<Integer> of(Mark blockStart) {
    int[] text = blockStart.getBuffer();
    int at = blockStart.getPointer();
    if (text == null) {
      return Optional.empty();
    }
    while (at < text.length && text[at] != '\n') {
      at++;
    }
    while (at < text.length) {
      int indent = 0;
      at++;
      while (at < text.length && text[at] == ' ') {
        indent++;
        at++;
      }
      if (at < text.length && text[at] != '\n' && text[at] != '\r') {
        return Optional.of(indent);
      }
    }
    return Optional.empty();
  }
}
