package dev.lifeboat.app;

import dev.lifeboat.activities.TestPostgres;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole app on {@code test-config.yml}: the test plans, a fresh record database named after
 * {@code prefix} (made by the test class's {@link TestPostgres}, which drops it once the app has
 * stopped), embedded Temporal on a free port, a fresh data directory, and the tokens of {@link
 * TestTokens}.
 */
public final class TestApp {
  private TestApp() {}

  public static DropwizardAppExtension<LifeboatConfiguration> extension(
      TestPostgres pg, String prefix, ConfigOverride... more) {
    return extension(pg, prefix, TestPlans.folder(), more);
  }

  /**
   * The same with another runbooks folder. Never pass a second override of a key this sets: the
   * extension keeps overrides in an unordered set, so which of two would win changes between runs.
   */
  public static DropwizardAppExtension<LifeboatConfiguration> extension(
      TestPostgres pg, String prefix, Path runbooks, ConfigOverride... more) {
    return withRecordAt(
        pg.url(pg.createDatabase(prefix)), TestPostgres.server().user(), runbooks, more);
  }

  /** The same with the record in a database the test owns (e.g. one it stops and starts). */
  public static DropwizardAppExtension<LifeboatConfiguration> withRecordAt(
      String databaseUrl, String user, Path runbooks, ConfigOverride... more) {
    List<ConfigOverride> overrides = new ArrayList<>();
    overrides.add(ConfigOverride.config("runbooks", runbooks.toString()));
    overrides.add(ConfigOverride.config("database.url", databaseUrl));
    overrides.add(ConfigOverride.config("database.user", user));
    overrides.add(ConfigOverride.config("dataDirectory", temporaryDirectory().toString()));
    overrides.addAll(List.of(more));
    return new DropwizardAppExtension<>(
        LifeboatApplication.class,
        ResourceHelpers.resourceFilePath("test-config.yml"),
        overrides.toArray(ConfigOverride[]::new));
  }

  /** Each app owns its tool directory, so two apps alive at once never contend for it. */
  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("lifeboat-data");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
