package dev.lifeboat.app.runs;

/** Checks a launch without making it: what a launch would refuse, and nothing recorded. */
public interface LaunchCheck {
  /** Throws the {@link dev.lifeboat.app.refusal.Refusal} a launch of {@code request} would. */
  void check(LaunchRequest request);
}
