package io.github.bt4j.pagination.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class SeenIdsTest {
  @Test
  void remembersEachIdOnce() {
    SeenIds ids = new SeenIds();
    assertTrue(ids.add("3c90c3cc-0d44-4b50-8888-8dd25736052a"));
    assertFalse(ids.add("3c90c3cc-0d44-4b50-8888-8dd25736052a"));
    assertTrue(ids.add("span-1"));
    assertFalse(ids.add("span-1"));
    assertEquals(2, ids.size());
  }

  @Test
  void keepsApartSpellingsThatAreDifferentIds() {
    SeenIds ids = new SeenIds();
    String dashed = "3c90c3cc-0d44-4b50-8888-8dd25736052a";
    assertTrue(ids.add(dashed));
    assertTrue(ids.add(dashed.replace("-", "")), "32-hex spelling is another id");
    assertTrue(ids.add(dashed.toUpperCase()), "ids are case-sensitive");
    assertTrue(ids.add("3c90c3cc-0d44-4b50-8888-8dd25736052g"), "not hex: hashed, not parsed");
    assertTrue(ids.add("3c90c3cc-0d44-4b50-8888-8dd2573605-a"), "dash out of place");
    assertTrue(ids.add("00000000-0000-0000-0000-000000000000"), "the nil UUID is an id too");
    assertFalse(ids.add("00000000-0000-0000-0000-000000000000"));
    assertTrue(ids.add(""));
    assertFalse(ids.add(""));
    assertEquals(7, ids.size());
  }

  @Test
  void holdsAMillionUuidsInUnderThirteenBytesEach() {
    SeenIds ids = new SeenIds();
    for (long i = 0; i < 1_000_000; i++) {
      assertTrue(ids.add(new UUID(i * 7919, ~i).toString()));
    }
    for (long i = 0; i < 1_000_000; i += 997) {
      assertFalse(ids.add(new UUID(i * 7919, ~i).toString()));
    }
    assertEquals(1_000_000, ids.size());
    double bytesPerId = (double) ids.tableBytes() / ids.size();
    assertTrue(ids.add(new UUID(-1, -1).toString()), "an id never added is new");
    assertTrue(bytesPerId < 13, "bytes per id: " + bytesPerId);
  }

  @Test
  void hashesOtherIdsOfEveryLength() {
    SeenIds ids = new SeenIds();
    StringBuilder s = new StringBuilder();
    for (int length = 0; length < 80; length++) {
      assertTrue(ids.add(s.toString()), "length " + length);
      s.append((char) ('a' + length % 26));
    }
    s.setLength(0);
    for (int length = 0; length < 80; length++) {
      assertFalse(ids.add(s.toString()), "length " + length);
      s.append((char) ('a' + length % 26));
    }
  }
}
