package dev.lifeboat.activities.notify;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Optional;

/**
 * What makes an e-mail address unusable, judged as the email channel sends it: Jakarta Mail's
 * strict RFC 822 parse, and no line break (which could add headers of its own). The plan loader
 * checks {@code to:} with it, the activity each recipient again before sending.
 */
public final class EmailAddress {
  private EmailAddress() {}

  /** Why {@code address} cannot be sent to, or empty when it can. */
  public static Optional<String> problemOf(String address) {
    if (address.indexOf('\r') >= 0 || address.indexOf('\n') >= 0) {
      return Optional.of(
          "the e-mail recipient address holds a line break (CR/LF), which could inject mail"
              + " headers; refused: "
              + address.replace("\r", "\\r").replace("\n", "\\n"));
    }
    try {
      new InternetAddress(address, true).validate();
      return Optional.empty();
    } catch (AddressException e) {
      return Optional.of("'" + address + "' is not a valid e-mail address: " + e.getMessage());
    }
  }
}
