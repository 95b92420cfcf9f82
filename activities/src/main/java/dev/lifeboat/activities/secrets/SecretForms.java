package dev.lifeboat.activities.secrets;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The spellings a secret value takes on its way back to us: as written, URL-encoded (a token in a
 * query string), JSON-escaped (a server echoing it in JSON) and Base64 (Basic auth, echoed
 * credentials). Base64 spells the same bytes three ways depending on where they start in the
 * encoded stream, so each of the three alignments contributes the run of characters that depends on
 * the value alone: {@code user:s3cret} encoded still contains the core of {@code s3cret}.
 */
final class SecretForms {
  private static final Pattern PERCENT_ESCAPE = Pattern.compile("%[0-9A-F]{2}");
  private static final List<Base64.Encoder> BASE64 =
      List.of(Base64.getEncoder().withoutPadding(), Base64.getUrlEncoder().withoutPadding());

  private SecretForms() {}

  /** Every form at least {@code minLength} long; shorter fragments would match innocent text. */
  static Set<String> of(String value, int minLength) {
    Set<String> forms = new LinkedHashSet<>();
    forms.add(value);
    String url = URLEncoder.encode(value, StandardCharsets.UTF_8);
    forms.add(url);
    forms.add(url.replace("+", "%20"));
    forms.add(
        PERCENT_ESCAPE.matcher(url).replaceAll(escape -> escape.group().toLowerCase(Locale.ROOT)));
    forms.add(new String(JsonStringEncoder.getInstance().quoteAsString(value)));
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    for (Base64.Encoder encoder : BASE64) {
      for (int offset = 0; offset < 3; offset++) {
        forms.add(base64Core(encoder, bytes, offset));
      }
    }
    forms.removeIf(form -> form.length() < minLength);
    return forms;
  }

  /**
   * The characters of the Base64 encoding that depend only on {@code bytes} when they follow {@code
   * offset} other bytes: character i covers bits [6i, 6i+6).
   */
  private static String base64Core(Base64.Encoder encoder, byte[] bytes, int offset) {
    byte[] shifted = new byte[offset + bytes.length];
    System.arraycopy(bytes, 0, shifted, offset, bytes.length);
    String encoded = encoder.encodeToString(shifted);
    int first = (8 * offset + 5) / 6;
    int end = 8 * (offset + bytes.length) / 6;
    return first < end ? encoded.substring(first, end) : "";
  }
}
