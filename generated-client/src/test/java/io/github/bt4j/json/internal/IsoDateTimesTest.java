package io.github.bt4j.json.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The direct path reads every date-time exactly as the ISO formatter does, and refuses the same.
 */
class IsoDateTimesTest {
  private static OffsetDateTime formatter(String s) {
    return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  @Test
  void readsWhatTheFormatterReads() {
    for (String s :
        List.of(
            "2025-11-12T15:02:38.264Z",
            "2025-11-12T15:02:38Z",
            "2025-11-12T15:02:38.1Z",
            "2025-11-12T15:02:38.123456789Z",
            "2025-11-12T15:02:38.264+02:00",
            "2025-11-12T15:02:38-05:30",
            "2025-11-12T15:02Z",
            "2025-11-12t15:02:38z",
            "2025-11-12T15:02:38.Z",
            "2024-02-29T23:59:59.999999Z",
            "2025-11-12T15:02:38.264+00:00:00")) {
      assertEquals(formatter(s), IsoDateTimes.parse(s), s);
    }
  }

  @Test
  void refusesWhatTheFormatterRefuses() {
    for (String s :
        List.of(
            "2025-11-12T15:02:38.1234567891Z",
            "2025-13-12T15:02:38Z",
            "2025-02-30T15:02:38Z",
            "2025-11-12T25:02:38Z",
            "2025-11-12T15:02:38",
            "2025-11-12 15:02:38Z",
            "2025-11-12T15:02:38+24:00",
            "not a date")) {
      assertThrows(DateTimeException.class, () -> formatter(s), s);
      assertThrows(DateTimeException.class, () -> IsoDateTimes.parse(s), s);
    }
  }
}
