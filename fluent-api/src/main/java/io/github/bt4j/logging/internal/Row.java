package io.github.bt4j.logging.internal;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of a request body: usually one event as it was serialised, or several events with the
 * same id folded into one (see {@link RowMerger}). Remembers which accepted events it stands for,
 * so that each of them is acknowledged or reported.
 */
public final class Row {
  private final String id;
  private final List<QueuedEvent> members = new ArrayList<>(1);
  private byte[] json;
  private JsonObject parsed;

  public Row(QueuedEvent first) {
    this.id = first.id();
    this.json = first.json();
    members.add(first);
  }

  /** The row's id. */
  public String id() {
    return id;
  }

  /** The accepted events this row carries, in order. */
  public List<QueuedEvent> members() {
    return members;
  }

  /** The row's JSON bytes as they will be sent. */
  public byte[] json() {
    if (json == null) {
      json = RowMerger.TREE_GSON.toJson(parsed).getBytes(StandardCharsets.UTF_8);
    }
    return json;
  }

  /** The row as a JSON tree, parsed on first use; changes to it are what will be sent. */
  JsonObject tree() {
    if (parsed == null) {
      parsed = RowMerger.parse(json);
    }
    json = null;
    return parsed;
  }

  /** Replaces the row's content by another event's (which also becomes one of its members). */
  void replaceWith(QueuedEvent event, JsonObject eventTree) {
    parsed = eventTree;
    json = event.json();
    members.add(event);
  }
}
