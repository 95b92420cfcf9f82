package dev.lifeboat.app.bench;

import io.temporal.activity.ActivityInterface;

/** The baseline's step: an activity that does nothing worth measuring. */
@ActivityInterface
public interface TrivialActivity {
  String touch(String step);

  /** Returns its input. */
  final class Impl implements TrivialActivity {
    @Override
    public String touch(String step) {
      return step;
    }
  }
}
