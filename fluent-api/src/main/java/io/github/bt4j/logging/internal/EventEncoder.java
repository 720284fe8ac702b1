package io.github.bt4j.logging.internal;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.github.bt4j.internal.EventIds;
import io.github.bt4j.json.internal.Models;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import okio.Buffer;
import okio.ByteString;

/**
 * Serialises events to the JSON bytes that will be sent, on the caller's thread, giving each row an
 * id if it has none (or a null one) by the rule of {@link EventIds}. The caller's object is never
 * modified, so one object can be logged twice as two rows.
 */
public final class EventEncoder {
  private static final ByteString NULL_ID = ByteString.encodeUtf8("\"id\":null");

  private final Gson gson;
  private final AtomicReference<Utf8Sink> spareSink = new AtomicReference<>();

  /** Creates an encoder that writes JSON with {@code gson}. */
  public EventEncoder(Gson gson) {
    this.gson = gson;
  }

  /**
   * Serialises {@code event}, a generated model or any object Gson writes as a JSON object, whose
   * id is {@code existingId} (null if it has none yet).
   */
  public QueuedEvent encode(Object event, String existingId, EventKind kind) {
    Utf8Sink sink = spareSink.getAndSet(null);
    sink = sink != null ? sink : new Utf8Sink();
    Buffer json = sink.buffer;
    try {
      json.clear();
      gson.toJson(event, event.getClass(), gson.newJsonWriter(sink));
      long size = json.size();
      if (size == 0 || json.getByte(0) != '{') {
        String text = json.readUtf8(Math.min(size, 243));
        throw new IllegalArgumentException(
            "an event must serialise to a JSON object, got: "
                + (text.length() <= 80 ? text : text.substring(0, 77) + "..."));
      }
      if (existingId != null) {
        return new QueuedEvent(existingId, kind, json.readByteArray());
      }
      if (mayHaveNullId(event) && json.indexOf(NULL_ID) >= 0) {
        // A model that keeps an explicit null id (lossless models do) would otherwise be sent with
        // two ids, the null one last; rare enough to take the tree's way.
        JsonObject tree = JsonParser.parseString(json.readUtf8()).getAsJsonObject();
        EventIds.assignMissing(tree);
        return encodeTree(tree, kind);
      }
      String id = EventIds.newId();
      return new QueuedEvent(id, kind, withIdFirst(id, json));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // not reached: the sink is in memory
    } finally {
      spareSink.set(sink);
    }
  }

  /**
   * Whether the event may be written with an explicit {@code "id":null}: a map with an id key, a
   * model whose id is an explicit null, or an object of another kind. Asking the object spares
   * scanning the bytes of every event (a sixth of the insert profile).
   */
  private static boolean mayHaveNullId(Object event) {
    if (event instanceof Map<?, ?> map) {
      return map.containsKey("id");
    }
    if (Models.isModel(event)) {
      return Models.field(event, "id") != null;
    }
    return true;
  }

  /** The serialised object {@code "{}"} or {@code "{...}"} with {@code "id": id} put first. */
  private static byte[] withIdFirst(String id, Buffer json) throws IOException {
    int size = (int) json.size();
    byte[] head =
        (size == 2 ? "{\"id\":\"" + id + "\"" : "{\"id\":\"" + id + "\",")
            .getBytes(StandardCharsets.UTF_8);
    byte[] bytes = new byte[head.length + size - 1];
    System.arraycopy(head, 0, bytes, 0, head.length);
    json.skip(1);
    for (int at = head.length; at < bytes.length; ) {
      at += json.read(bytes, at, bytes.length - at);
    }
    return bytes;
  }

  /**
   * Serialises a JSON tree built by the writer (spans, merges, deletes), which has its id. Explicit
   * nulls in the tree are kept.
   */
  public QueuedEvent encodeTree(JsonObject row, EventKind kind) {
    JsonElement id = row.get("id");
    return new QueuedEvent(
        id.getAsString(), kind, RowMerger.TREE_GSON.toJson(row).getBytes(StandardCharsets.UTF_8));
  }

  /** Converts any value to a JSON tree with the client's Gson configuration. */
  public JsonElement toTree(Object value) {
    return gson.toJsonTree(value);
  }

  /**
   * The tree of a map of fields, keeping its explicit nulls: in a merge, {@code "metadata": null}
   * clears the field, so it must reach the server. Nulls are kept in the maps themselves, at any
   * depth, and in Gson trees; other values (models, lists) are written as the client's Gson writes
   * them, so a model's unset fields stay absent rather than clearing anything.
   */
  public JsonObject treeOfFields(Map<?, ?> fields) {
    JsonObject tree = new JsonObject();
    for (Map.Entry<?, ?> entry : fields.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        throw new IllegalArgumentException(
            "field names must be strings, got "
                + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName()));
      }
      Object value = entry.getValue();
      JsonElement element;
      if (value == null) {
        element = JsonNull.INSTANCE;
      } else if (value instanceof Map<?, ?> nested) {
        element = treeOfFields(nested);
      } else if (value instanceof JsonElement json) {
        element = json.deepCopy(); // already a tree, explicit nulls included
      } else {
        element = gson.toJsonTree(value);
      }
      tree.add(key, element);
    }
    return tree;
  }

  /** The id entry of a map event, or null. */
  public static String idOf(Map<String, ?> event) {
    Object id = event.get("id");
    if (id == null) {
      return null;
    }
    if (id instanceof String s) {
      if (s.isBlank()) {
        throw new IllegalArgumentException("the event's \"id\" must not be blank");
      }
      return s;
    }
    if (id instanceof JsonPrimitive p && p.isString()) {
      return p.getAsString();
    }
    throw new IllegalArgumentException(
        "the event's \"id\" must be a string, got " + id.getClass().getName());
  }

  /**
   * The {@link Writer} Gson writes an event into: UTF-8 into an Okio buffer, the bytes that will be
   * sent, with no String in between. An encoder keeps one spare sink for its next event (a caller
   * that finds it taken by another thread makes a new one); not a thread-local, since a thread that
   * outlives the library (an application server's) would keep its class loader alive.
   */
  private static final class Utf8Sink extends Writer {
    final Buffer buffer = new Buffer();

    @Override
    public void write(int c) {
      buffer.writeUtf8CodePoint(c);
    }

    @Override
    public void write(String s, int offset, int length) {
      buffer.writeUtf8(s, offset, offset + length);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
      buffer.writeUtf8(new String(chars, offset, length));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
