package dev.lifeboat.app.api;

import dev.lifeboat.workflow.RunMode;
import dev.lifeboat.workflow.verdict.Verdict;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The filters of {@code GET /api/runs}: each absent (null) or checked, so only a plan name, a mode
 * or a verdict ever reaches the query (where each is a bound parameter anyway).
 *
 * @param plan a plan name; runs of plans no longer loaded match too
 * @param mode {@code tabletop}, {@code drill} or {@code recovery}
 * @param verdict {@code pass} or {@code fail}
 */
record RunFilter(String plan, String mode, String verdict) {
  private static final Pattern PLAN = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  static RunFilter of(String plan, String mode, String verdict) {
    return new RunFilter(
        checked(
            "plan",
            plan,
            text -> Optional.of(text).filter(p -> PLAN.matcher(p).matches()),
            "a plan name (1-63 lower-case letters, digits and dashes)"),
        checked(
            "mode",
            mode,
            text -> RunMode.fromApiName(text).map(RunMode::apiName),
            "one of " + RunMode.apiNames()),
        checked(
            "verdict",
            verdict,
            text -> Verdict.fromApiName(text).map(Verdict::apiName),
            "one of " + Verdict.apiNames()));
  }

  private static String checked(
      String name, String text, Function<String, Optional<String>> read, String allowed) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    return read.apply(text)
        .orElseThrow(
            () ->
                new ApiException(
                    400,
                    "bad_" + name,
                    name + " must be " + allowed + "; got '" + Names.shortened(text) + "'"));
  }
}
