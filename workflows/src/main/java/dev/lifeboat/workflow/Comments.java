package dev.lifeboat.workflow;

import java.util.Optional;

/** The bound on what people write with a decision. */
final class Comments {
  private Comments() {}

  static Optional<String> tooLong(String name, String text, int max) {
    if (text != null && text.length() > max) {
      return Optional.of(
          name + " is " + text.length() + " characters; at most " + max + " are kept");
    }
    return Optional.empty();
  }
}
