package dev.lifeboat.app.schedules;

import dev.lifeboat.app.TestPlans;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@link TestPlans}' folder plus {@code quick}: one notify step, so a drill of it ends at once. */
final class SchedulePlans {
  private SchedulePlans() {}

  static Path folder() {
    Path folder = TestPlans.folder();
    try {
      Files.writeString(folder.resolve("quick.yml"), TestPlans.oneStep("quick", "Quick"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return folder;
  }
}
