package dev.lifeboat.activities.secrets;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a known secret value in texts a test collected (workflow history, log lines, table rows,
 * API bodies): as is, URL-encoded, and inside any Base64 run at any alignment, decoded rather than
 * pre-encoded. It shares no code with {@link Redactor} on purpose: a scanner built from the code
 * under test would share its blind spots.
 */
public final class SecretLeakScanner {
  private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9+/_-]{6,}={0,2}");

  private final String value;
  private final Map<String, String> spellings = new LinkedHashMap<>();

  /** One place the value was found: in which text, spelled how, and the text around it. */
  public record Leak(String where, String spelling, String around) {
    @Override
    public String toString() {
      return where + " (" + spelling + "): …" + around + "…";
    }
  }

  public SecretLeakScanner(String value) {
    if (value == null || value.length() < 4) {
      throw new IllegalArgumentException("scan for a value of at least 4 characters");
    }
    this.value = value;
    spellings.put("as is", value);
    String url = URLEncoder.encode(value, StandardCharsets.UTF_8);
    spellings.putIfAbsent("URL-encoded", url);
    spellings.putIfAbsent("URL-encoded with %20", url.replace("+", "%20"));
  }

  /** Every leak in every text, keyed by where each text came from. */
  public List<Leak> scan(Map<String, String> textsByWhere) {
    List<Leak> leaks = new ArrayList<>();
    textsByWhere.forEach((where, text) -> leaks.addAll(scan(where, text)));
    return leaks;
  }

  /** Every leak in one text. */
  public List<Leak> scan(String where, String text) {
    List<Leak> leaks = new ArrayList<>();
    if (text == null) {
      return leaks;
    }
    spellings.forEach(
        (spelling, form) -> {
          int at = text.indexOf(form);
          if (at >= 0) {
            leaks.add(new Leak(where, spelling, around(text, at, form.length())));
          }
        });
    Matcher run = BASE64_RUN.matcher(text);
    while (run.find()) {
      if (decodesToValue(run.group())) {
        String shown = run.group().length() > 60 ? run.group().substring(0, 60) + "…" : run.group();
        leaks.add(new Leak(where, "Base64 run of " + run.group().length() + " chars", shown));
      }
    }
    return leaks;
  }

  /** Fails naming every leak (the value itself masked) unless there are none. */
  public void assertAbsentFrom(Map<String, String> textsByWhere) {
    List<Leak> leaks = scan(textsByWhere);
    if (!leaks.isEmpty()) {
      StringBuilder message =
          new StringBuilder("the secret value leaked in " + leaks.size() + " place(s):");
      leaks.forEach(leak -> message.append("\n  ").append(leak));
      throw new AssertionError(message.toString());
    }
  }

  /** Whether any alignment of the run decodes to bytes containing the value. */
  private boolean decodesToValue(String run) {
    String standard = run.replace('-', '+').replace('_', '/').replace("=", "");
    String wanted = new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    for (int skip = 0; skip < 4 && skip < standard.length(); skip++) {
      String aligned = standard.substring(skip);
      aligned = aligned.substring(0, aligned.length() - aligned.length() % 4);
      try {
        byte[] decoded = Base64.getDecoder().decode(aligned);
        if (new String(decoded, StandardCharsets.ISO_8859_1).contains(wanted)) {
          return true;
        }
      } catch (IllegalArgumentException notBase64) {
        // not Base64 at this alignment
      }
    }
    return false;
  }

  private String around(String text, int at, int length) {
    String shown =
        text.substring(Math.max(0, at - 30), Math.min(text.length(), at + length + 30))
            .replace(value, "<SECRET>");
    return shown.replaceAll("\\s+", " ");
  }
}
