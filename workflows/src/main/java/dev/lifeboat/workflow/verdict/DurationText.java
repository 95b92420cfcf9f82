package dev.lifeboat.workflow.verdict;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.lifeboat.runbook.Durations;
import java.io.IOException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * A measured duration in the runbook's spelling ({@code 18m12s}): to the millisecond under a
 * minute, to the second from a minute on, where milliseconds are noise.
 */
public final class DurationText extends StdSerializer<Duration> {
  private static final long serialVersionUID = 1L;

  public DurationText() {
    super(Duration.class);
  }

  public static String of(Duration duration) {
    Duration shown =
        duration.compareTo(Duration.ofMinutes(1)) >= 0
            ? duration.truncatedTo(ChronoUnit.SECONDS)
            : duration.truncatedTo(ChronoUnit.MILLIS);
    return Durations.format(shown);
  }

  @Override
  public void serialize(Duration value, JsonGenerator out, SerializerProvider provider)
      throws IOException {
    out.writeString(of(value));
  }
}
