package dev.lifeboat.app.compliance;

import java.util.List;

/**
 * What a day's check did.
 *
 * @param sent {@code plan/mode} of each notice sent now
 * @param alreadySent {@code plan/mode} of each notice sent earlier the same day (a retry)
 */
public record OverdueNotices(List<String> sent, List<String> alreadySent) {
  public OverdueNotices {
    sent = List.copyOf(sent);
    alreadySent = List.copyOf(alreadySent);
  }
}
