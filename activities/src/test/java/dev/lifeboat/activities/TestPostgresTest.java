package dev.lifeboat.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

/** The PostgreSQL extension leaves the shared server as it found it. */
class TestPostgresTest {
  /** What the example class created, by when it was created. */
  static final Map<String, String> CREATED = new ConcurrentHashMap<>();

  /** What the example saw while it ran, by the check's name. */
  static final Map<String, Boolean> SEEN = new ConcurrentHashMap<>();

  final TestPostgres probe = new TestPostgres();

  /** Run only by the test kit below: surefire does not pick up nested classes. */
  @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
  static class UsesDatabases {
    @RegisterExtension static final TestPostgres pg = new TestPostgres();

    static {
      CREATED.put("initializer", pg.createDatabase("initializer"));
    }

    @BeforeAll
    static void createForTheClass() {
      CREATED.put("beforeAll", pg.createDatabase("class"));
      CREATED.put("role", pg.createRole("role"));
    }

    @Test
    @Order(1)
    void first() {
      CREATED.put("first", pg.createDatabase("first"));
      CREATED.put("adopted", pg.dropAfterwards("lb_test_adopted_" + System.nanoTime()));
      pg.execute("postgres", "CREATE DATABASE \"" + CREATED.get("adopted") + "\"");
    }

    @Test
    @Order(2)
    void second() {
      SEEN.put("first's database dropped after it", !pg.databaseExists(CREATED.get("first")));
      SEEN.put("adopted database dropped", !pg.databaseExists(CREATED.get("adopted")));
      SEEN.put("class database still there", pg.databaseExists(CREATED.get("beforeAll")));
    }

    @Nested
    class Inner {
      @Test
      void sharesTheClassDatabases() {
        CREATED.put("nested", pg.createDatabase("nested"));
        SEEN.put(
            "initializer's database seen by nested", pg.databaseExists(CREATED.get("initializer")));
      }
    }
  }

  @Test
  void dropsEveryDatabaseAndRoleItCreatedWhenTheirTestOrClassEnds() {
    EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(UsesDatabases.class))
        .execute()
        .testEvents()
        .assertStatistics(stats -> stats.succeeded(3).failed(0));

    assertThat(SEEN)
        .as("what the example saw while it ran")
        .containsOnlyKeys(
            "first's database dropped after it",
            "adopted database dropped",
            "class database still there",
            "initializer's database seen by nested");
    assertThat(SEEN.values()).as("what the example saw while it ran: %s", SEEN).containsOnly(true);
    assertThat(CREATED).hasSize(6);
    List<String> left =
        CREATED.values().stream()
            .filter(
                name ->
                    probe.databaseExists(name)
                        || "1"
                            .equals(
                                probe.queryText(
                                    "postgres",
                                    "SELECT 1 FROM pg_roles WHERE rolname = '" + name + "'")))
            .toList();
    assertThat(left).as("databases and roles left behind on the shared server").isEmpty();
  }
}
