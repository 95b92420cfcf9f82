package dev.lifeboat.activities.backup;

import static dev.lifeboat.activities.HumanUnits.bytes;

import dev.lifeboat.activities.SingleAttempt;
import dev.lifeboat.activities.TestPostgres;
import dev.lifeboat.activities.postgres.PgTools;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What reading a dump in full costs: {@code verify-backup} at depth full against depth toc on the
 * same real custom-format dump, through the activity as a worker runs it (digest, listing and, at
 * depth full, {@code pg_restore -f /dev/null}). Runs interleaved pairs, the order alternating, and
 * writes its section of docs/benchmarks.md (the rest of the file is kept).
 *
 * <p>Run: {@code mvn -B -q -pl activities test-compile exec:java
 * -Dexec.mainClass=dev.lifeboat.activities.backup.ReadDepthBenchmark -Dexec.classpathScope=test
 * -Dexec.args="4000000 7 docs/benchmarks.md"} (rows, pairs, output; against the test PostgreSQL).
 */
public final class ReadDepthBenchmark {
  static final String HEADING = "## verify-backup: full read vs table of contents";

  private ReadDepthBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 4_000_000;
    int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    Path output = Path.of(args.length > 2 ? args[2] : "docs/benchmarks.md");
    Path dir = Files.createTempDirectory("lifeboat-read-bench");
    try (TestPostgres pg = new TestPostgres()) {
      String database = pg.createDatabase("read_bench");
      pg.execute(
          database,
          "CREATE TABLE events (id bigint PRIMARY KEY, a text, b text, c text)",
          "INSERT INTO events SELECT g, md5(g::text), md5((g * 7)::text), md5((g * 13)::text)"
              + " FROM generate_series(1, "
              + rows
              + ") g");
      Path dump = pg.dump(database, "c", dir.resolve("events.dump"));
      String report = measure(dump, rows, pairs);
      System.out.println(report);
      writeSection(output, report);
    } finally {
      deleteTree(dir);
    }
    System.exit(0); // Temporal's test environment leaves non-daemon threads that exec:java awaits
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String measure(Path dump, long rows, int pairs) throws IOException {
    String loadAverage = loadAverage();
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(
          new VerifyBackupActivityImpl(Clock.systemUTC(), PgTools.in(null)));
      VerifyBackupActivity activity =
          env.newActivityStub(
              VerifyBackupActivity.class, SingleAttempt.within(Duration.ofMinutes(30)).build());
      List<Sample> toc = new ArrayList<>();
      List<Sample> full = new ArrayList<>();
      once(activity, dump, ReadDepth.FULL); // warm the page cache and the JVM alike for both
      for (int pair = 0; pair < pairs; pair++) {
        if (pair % 2 == 0) {
          toc.add(once(activity, dump, ReadDepth.TOC));
          full.add(once(activity, dump, ReadDepth.FULL));
        } else {
          full.add(once(activity, dump, ReadDepth.FULL));
          toc.add(once(activity, dump, ReadDepth.TOC));
        }
      }
      List<Double> ratios = new ArrayList<>();
      for (int i = 0; i < pairs; i++) {
        ratios.add(full.get(i).totalMillis / toc.get(i).totalMillis);
      }
      return markdown(dump, rows, pairs, toc, full, ratios, loadAverage);
    } finally {
      env.close();
    }
  }

  /**
   * One verification.
   *
   * @param totalMillis the whole activity call
   * @param readMillis what the result reports as the reading (listing, full read)
   */
  private record Sample(double totalMillis, double readMillis) {}

  private static Sample once(VerifyBackupActivity activity, Path dump, ReadDepth depth) {
    long started = System.nanoTime();
    VerifyBackupResult result =
        activity.verifyBackup(
            new VerifyBackupRequest(dump.toString(), Duration.ofDays(1), 1, false, null, depth));
    double total = (System.nanoTime() - started) / 1e6;
    return new Sample(total, result.readTook().toNanos() / 1e6);
  }

  private static String markdown(
      Path dump,
      long rows,
      int pairs,
      List<Sample> toc,
      List<Sample> full,
      List<Double> ratios,
      String loadAverage)
      throws IOException {
    double tocTotal = median(toc.stream().map(Sample::totalMillis).toList());
    double fullTotal = median(full.stream().map(Sample::totalMillis).toList());
    return String.format(
        Locale.ROOT,
        """
        %s

        `verify-backup` of one real custom-format dump on the worker (%s, %,d rows of md5 text,
        pg_dump's default compression), as the activity runs it: sha256 of the file, `pg_restore
        --list`, and at depth full `pg_restore -f /dev/null` (every data block decompressed). %d
        interleaved pairs after one warm-up read, the order alternating; the file is in the page
        cache, so this is the CPU cost of decompressing, not disk speed.

        Reproduce: `mvn -B -q -pl activities test-compile exec:java -Dexec.mainClass=dev.lifeboat.activities.backup.ReadDepthBenchmark -Dexec.classpathScope=test -Dexec.args="%d %d docs/benchmarks.md"`

        | depth | median activity time | median reading time | samples (activity ms) |
        |---|---|---|---|
        | toc (baseline) | %.0f ms | %.0f ms | %s |
        | full | %.0f ms | %.0f ms | %s |

        **Ratio full / toc (medians): %.2f**; median of the per-pair ratios: %.2f. The full read
        went through the compressed dump at %.0f MB/s (median reading time at depth full, which
        also includes the listing); the rest of both is the sha256 of the file. `depth: toc` saves
        that time on every check and gives up finding damage inside the data blocks (README,
        verify-backup).

        Measured %s on %d cores (load average %s when the measuring began, from other builds
        sharing the machine), Java %s, %s.
        """,
        HEADING,
        bytes(Files.size(dump)),
        rows,
        pairs,
        rows,
        pairs,
        tocTotal,
        median(toc.stream().map(Sample::readMillis).toList()),
        samples(toc),
        fullTotal,
        median(full.stream().map(Sample::readMillis).toList()),
        samples(full),
        fullTotal / tocTotal,
        median(ratios),
        Files.size(dump)
            / 1048576.0
            / (median(full.stream().map(Sample::readMillis).toList()) / 1e3),
        LocalDate.now(),
        Runtime.getRuntime().availableProcessors(),
        loadAverage,
        System.getProperty("java.version"),
        pgRestoreVersion());
  }

  private static String samples(List<Sample> samples) {
    return samples.stream()
        .map(s -> String.format(Locale.ROOT, "%.0f", s.totalMillis))
        .collect(Collectors.joining(", "));
  }

  private static double median(List<Double> samples) {
    List<Double> sorted = samples.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  /** The 1-minute load average (Linux), or "unknown". */
  private static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static String pgRestoreVersion() throws IOException {
    Process p = new ProcessBuilder("pg_restore", "--version").redirectErrorStream(true).start();
    return new String(p.getInputStream().readAllBytes()).strip();
  }

  /** Replaces this benchmark's section of {@code output} (or appends it), keeping the rest. */
  static void writeSection(Path output, String section) throws IOException {
    String text = Files.exists(output) ? Files.readString(output) : "# Benchmarks\n";
    int start = text.indexOf(HEADING);
    String before = start < 0 ? text.stripTrailing() + "\n\n" : text.substring(0, start);
    String after = "";
    if (start >= 0) {
      int next = text.indexOf("\n## ", start + HEADING.length());
      after = next < 0 ? "" : text.substring(next + 1);
    }
    Files.writeString(output, before + section + (after.isEmpty() ? "" : "\n" + after));
  }
}
