package io.github.bt4j.internal;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one rule for giving events their ids before the first attempt, so that a retry of the same
 * request upserts the same rows instead of adding them twice: an event without an {@code id} (or
 * with a null one) gets a random UUID. It works on the JSON about to be sent, never on the caller's
 * objects, so one event object passed twice becomes two rows with two ids, and the caller's object
 * is left as it was. Resources' inserts (through {@code RetryRule}), the event writer and its spans
 * all take their ids here.
 */
public final class EventIds {
  private EventIds() {}

  /**
   * A new event id: a random version-4 UUID string. Drawn from {@link ThreadLocalRandom} rather
   * than {@link UUID#randomUUID()}: ids need to be unique, not unguessable, and the shared
   * SecureRandom behind {@code randomUUID} is a lock that many logging threads would queue on.
   */
  public static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L;
    long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(high, low).toString();
  }

  /**
   * Gives {@code event} an id if it is a JSON object without one.
   *
   * @param event one event of a request body being prepared (a copy the caller never sees)
   * @return true if an id was added
   */
  public static boolean assignMissing(JsonElement event) {
    if (event == null || !event.isJsonObject()) {
      return false;
    }
    JsonObject object = event.getAsJsonObject();
    JsonElement id = object.get("id");
    if (id != null && !id.isJsonNull()) {
      return false;
    }
    object.addProperty("id", newId());
    return true;
  }
}
