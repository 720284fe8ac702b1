package io.github.bt4j.testing.internal;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The event logs of all experiments, datasets and projects, created on first use. */
final class EventStore {
  private final ObjectStore objects;
  private final XactClock clock;
  private final Map<String, EventLog> logs = new ConcurrentHashMap<>();

  EventStore(ObjectStore objects, XactClock clock) {
    this.objects = objects;
    this.clock = clock;
  }

  ObjectStore objects() {
    return objects;
  }

  /**
   * The current rows of the live container {@code id} of {@code type}, for a test to inspect.
   *
   * @throws IllegalArgumentException naming {@code argument} if {@code id} names no live container
   */
  List<JsonObject> rows(EventObject type, String id, String argument) {
    JsonObject container =
        id == null ? null : objects.find(type.owner(), id.toLowerCase(Locale.ROOT));
    if (container == null) {
      throw new IllegalArgumentException(
          argument + ": the fake Braintrust holds no " + type.owner().type() + " with id " + id);
    }
    EventLog log = logs.get(key(type, container.get("id").getAsString()));
    return log == null ? List.of() : log.rows(null);
  }

  /** The log of the live container {@code id} of {@code type}, or a 404. */
  EventLog log(EventObject type, UUID id) {
    JsonObject container = objects.get(type.owner(), id);
    return logs.computeIfAbsent(
        key(type, id.toString()),
        k ->
            new EventLog(
                type.fixedFields(container, objects.directory().orgId()), type.scored(), clock));
  }

  private static String key(EventObject type, String id) {
    return type.path() + ":" + id;
  }
}
