package dev.lifeboat.app.compliance;

import dev.lifeboat.app.findings.FindingDao;
import dev.lifeboat.app.findings.FindingStore;
import java.util.Map;
import java.util.stream.Collectors;

/** {@link FindingCounts} from the findings record: one grouped query per compliance view. */
public final class RecordedFindingCounts implements FindingCounts {
  private final FindingStore findings;

  public RecordedFindingCounts(FindingStore findings) {
    this.findings = findings;
  }

  @Override
  public Map<String, PlanFindingCount> byPlan() {
    return findings.openAndOverdueByPlan().stream()
        .collect(
            Collectors.toUnmodifiableMap(
                FindingDao.PlanCounts::plan,
                counts ->
                    new PlanFindingCount(
                        Math.toIntExact(counts.open()), Math.toIntExact(counts.overdue()))));
  }
}
