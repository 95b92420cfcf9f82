package dev.lifeboat.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.runbook.ParseResult;
import dev.lifeboat.runbook.RunBindings;
import dev.lifeboat.runbook.Runbook;
import dev.lifeboat.runbook.RunbookParser;
import dev.lifeboat.runbook.Step;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A tabletop prompt shows a step's fields in the runbook's words, not the internal model's. */
class TabletopPromptTest {
  private static final String PLAN =
      """
      name: walk
      title: Walk
      owner: dba-team
      objectives: {rto: 1h, rpo: 24h}
      params:
        dump: {type: string, default: /backups/shop.dump}
      stages:
        - name: only
          steps:
            - id: verify
              kind: verify-backup
              path: ${params.dump}
              max_age: 24h
              timeout: 2m
            - id: restore
              kind: restore-data
              source: ${params.dump}
              server: scratch
              database: shop_copy
              format: auto
      """;

  private static Runbook resolved(String mode) {
    ParseResult result =
        new RunbookParser()
            .resolve("walk.yml", PLAN, new RunBindings("r-1", mode, "alice", Map.of()));
    assertThat(result.problems()).isEmpty();
    return result.runbook().orElseThrow();
  }

  private static Step step(Runbook plan, String id) {
    return plan.steps().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void showsTheFieldsAsTheRunbookWritesThem() {
    Runbook plan = resolved("tabletop");

    TabletopPrompt verify = TabletopPrompt.of(step(plan, "verify"), plan);
    assertThat(verify.fields().toString())
        .isEqualTo("{\"path\":\"${params.dump}\",\"max_age\":\"24h\"}");
    TabletopPrompt restore = TabletopPrompt.of(step(plan, "restore"), plan);
    assertThat(restore.fields().path("format").asText()).isEqualTo("auto");
    assertThat(restore.fields().has("maxAge")).isFalse();
    assertThat(verify.owner()).isEqualTo("dba-team");
  }

  @Test
  void onlyATabletopRunsPlanCarriesThem() {
    assertThat(resolved("drill").writtenSteps()).isEmpty();
    assertThat(resolved("recovery").writtenSteps()).isEmpty();
    assertThat(resolved("tabletop").writtenSteps()).containsOnlyKeys("verify", "restore");
  }

  @Test
  void aPlanRecordedBeforeThemPromptsWithTheModelsFields() {
    Runbook plan = resolved("drill");
    TabletopPrompt prompt = TabletopPrompt.of(step(plan, "verify"), plan);
    assertThat(prompt.fields().path("request").path("path").asText())
        .isEqualTo("/backups/shop.dump");
  }
}
