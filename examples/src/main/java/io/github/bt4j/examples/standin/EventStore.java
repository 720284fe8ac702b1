package io.github.bt4j.examples.standin;

import com.google.gson.JsonObject;
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

  /** The log of the live container {@code id} of {@code type}, or a 404. */
  EventLog log(EventObject type, UUID id) {
    JsonObject container = objects.get(type.owner(), id);
    return logs.computeIfAbsent(
        type.path() + ":" + id,
        k ->
            new EventLog(
                type.fixedFields(container, objects.directory().orgId()), type.scored(), clock));
  }
}
