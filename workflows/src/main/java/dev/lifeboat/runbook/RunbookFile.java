package dev.lifeboat.runbook;

import java.nio.file.Path;
import java.util.Objects;

/** A runbook file as loaded: its text (kept for the record and hashing) and the parsed plan. */
public record RunbookFile(Path path, String text, Runbook runbook) {
  public RunbookFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(runbook, "runbook");
  }
}
