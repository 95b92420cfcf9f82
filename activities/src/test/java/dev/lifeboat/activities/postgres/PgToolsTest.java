package dev.lifeboat.activities.postgres;

import static dev.lifeboat.activities.StepFailureAssertions.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lifeboat.activities.StepFailureType;
import dev.lifeboat.activities.process.ToolCommand;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PgToolsTest {
  @Test
  void findsToolsInTheConfiguredDirectory() {
    PgTools tools = PgTools.in(Path.of("/usr/bin"));

    assertThat(tools.pgRestore()).isEqualTo(Path.of("/usr/bin/pg_restore"));
    assertThat(tools.psql()).isEqualTo(Path.of("/usr/bin/psql"));
    assertThat(tools.pgDump()).isEqualTo(Path.of("/usr/bin/pg_dump"));
  }

  @Test
  void searchesThePathWhenNoDirectoryIsConfigured() {
    PgTools tools = new PgTools(null, "/nonexistent:/usr/bin");

    assertThat(tools.psql()).isEqualTo(Path.of("/usr/bin/psql"));
  }

  @Test
  void missingToolIsBadConfigNamingToolAndDirectory(@TempDir Path empty) {
    ApplicationFailure failure = failureOf(() -> PgTools.in(empty).pgRestore());

    assertThat(failure.getType()).isEqualTo(StepFailureType.BAD_CONFIG.type());
    assertThat(failure.isNonRetryable()).isTrue();
    assertThat(failure.getOriginalMessage())
        .startsWith("pg_restore not found in the configured directory " + empty + ";");
  }

  @Test
  void missingToolOnThePathSaysWhichPath() {
    ApplicationFailure failure = failureOf(() -> new PgTools(null, "/nonexistent").psql());

    assertThat(failure.getOriginalMessage())
        .startsWith("psql not found on the PATH (/nonexistent);");
  }

  @Test
  void passesThePasswordOnlyThroughTheEnvironment() {
    PostgresServer server = new PostgresServer("db.internal", 5433, "lifeboat", "s3cret", null);

    ToolCommand command =
        PgTools.in(Path.of("/usr/bin"))
            .against(Path.of("/usr/bin/psql"), server, List.of("-c", "x"));

    assertThat(command.args())
        .containsExactly("-h", "db.internal", "-p", "5433", "-U", "lifeboat", "-c", "x");
    assertThat(command.display()).doesNotContain("s3cret");
    assertThat(command.env()).containsEntry("PGPASSWORD", "s3cret");
  }
}
