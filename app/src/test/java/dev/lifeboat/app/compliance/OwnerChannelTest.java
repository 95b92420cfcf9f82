package dev.lifeboat.app.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lifeboat.activities.notify.NotifyChannel;
import org.junit.jupiter.api.Test;

/** {@code owners:} entries as config.yml writes them, and the mistakes refused at start. */
class OwnerChannelTest {
  final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

  OwnerChannel read(String text) throws Exception {
    return yaml.readValue(text, OwnerChannel.class);
  }

  @Test
  void readsEachChannelTheNotifyStepKnows() throws Exception {
    assertThat(read("{channel: email, to: [dba@example.org]}").to())
        .containsExactly("dba@example.org");
    assertThat(read("{channel: webhook, url: 'env:HOOK'}").channel())
        .isEqualTo(NotifyChannel.WEBHOOK);
    assertThat(read("{channel: log}")).isEqualTo(OwnerChannel.LOG);
  }

  @Test
  void refusesAnUnknownChannelAndMissingAddresses() {
    assertThatThrownBy(() -> read("{channel: pager}"))
        .hasMessageContaining("log, webhook or email; got 'pager'");
    assertThatThrownBy(() -> read("{channel: webhook}")).hasMessageContaining("needs a url");
    assertThatThrownBy(() -> read("{channel: email}")).hasMessageContaining("needs to:");
  }
}
