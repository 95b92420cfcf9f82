package dev.lifeboat.activities.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HeadTailBufferTest {
  @Test
  void keepsEverythingThatFitsUnderTheCap() {
    HeadTailBuffer buffer = new HeadTailBuffer(10);
    buffer.write("0123456789".getBytes(StandardCharsets.UTF_8), 0, 10);

    assertThat(buffer.text()).isEqualTo("0123456789");
    assertThat(buffer.bytesCut()).isZero();
  }

  @Test
  void keepsHeadAndTailAcrossManySmallWritesAndCountsTheMiddle() {
    HeadTailBuffer buffer = new HeadTailBuffer(6);
    for (byte b : "abcdefghijklmnop".getBytes(StandardCharsets.UTF_8)) {
      buffer.write(b);
    }

    assertThat(buffer.total()).isEqualTo(16);
    assertThat(buffer.bytesCut()).isEqualTo(10);
    assertThat(buffer.text()).isEqualTo("abc\n[… 10 bytes cut …]\nnop");
  }
}
