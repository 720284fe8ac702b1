package io.github.bt4j.internal.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.github.bt4j.internal.EventIds;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * When a request may be sent twice, decided from the operation's {@code x-bt4j-retry} rule (see the
 * spec module's {@code RetryRules}) and the request body as it is about to be sent:
 *
 * <ul>
 *   <li>{@code always} / {@code never}.
 *   <li>{@code when-named P [unless Q...]}: only if the body's {@code P} is a non-blank string and
 *       none of the {@code Q}s is set, since only then does the server return the existing object
 *       instead of making another.
 *   <li>{@code with-event-ids E... [unless Q...]}: every object of each list {@code E} without an
 *       {@code id} gets one ({@link EventIds}) in a copy of the body, before the first attempt, so
 *       a retry upserts; only if none of the lists {@code Q} (such as feedback, which cannot be
 *       made idempotent) has an entry.
 * </ul>
 *
 * Paths are property names joined by dots; {@code *} is every entry of an object. A body that is
 * not a JSON object is never retried under a rule that reads it.
 */
public final class RetryRule {
  /** Safe to send twice as it is. */
  public static final RetryRule ALWAYS = new RetryRule(Kind.ALWAYS, List.of(), List.of());

  /** Never sent twice. */
  public static final RetryRule NEVER = new RetryRule(Kind.NEVER, List.of(), List.of());

  private static final Map<String, RetryRule> PARSED = new ConcurrentHashMap<>();

  private enum Kind {
    ALWAYS,
    NEVER,
    WHEN_NAMED,
    WITH_EVENT_IDS
  }

  /** A request ready to send, and whether a retry may send it again. */
  record Prepared(Request request, boolean retrySafe) {}

  private final Kind kind;
  private final List<String[]> paths;
  private final List<String[]> unless;

  private RetryRule(Kind kind, List<String[]> paths, List<String[]> unless) {
    this.kind = kind;
    this.paths = paths;
    this.unless = unless;
  }

  /**
   * The rule written as the spec's {@code x-bt4j-retry} says it.
   *
   * @param text the rule, such as {@code when-named name unless ensure_new}
   * @return the rule
   * @throws IllegalArgumentException if the text is not a rule
   */
  public static RetryRule of(String text) {
    return PARSED.computeIfAbsent(text, RetryRule::parse);
  }

  private static RetryRule parse(String text) {
    String[] words = text.trim().split("\\s+");
    List<String[]> args = new ArrayList<>();
    List<String[]> unlessArgs = new ArrayList<>();
    List<String[]> into = args;
    for (int i = 1; i < words.length; i++) {
      if (words[i].equals("unless") && into == args) {
        into = unlessArgs;
      } else {
        into.add(words[i].split("\\."));
      }
    }
    RetryRule rule =
        switch (words[0]) {
          case "always" -> ALWAYS;
          case "never" -> NEVER;
          case "when-named" ->
              args.size() == 1 ? new RetryRule(Kind.WHEN_NAMED, args, unlessArgs) : null;
          case "with-event-ids" ->
              args.isEmpty() ? null : new RetryRule(Kind.WITH_EVENT_IDS, args, unlessArgs);
          default -> null;
        };
    if (rule == null) {
      throw new IllegalArgumentException("not a retry rule: \"" + text + "\"");
    }
    return rule;
  }

  /** The request to send (event ids added, if this rule adds them) and whether it may be resent. */
  Prepared prepare(Request request) {
    if (kind == Kind.ALWAYS || kind == Kind.NEVER) {
      return new Prepared(request, kind == Kind.ALWAYS);
    }
    JsonElement body = bodyOf(request);
    if (body == null || !body.isJsonObject()) {
      return new Prepared(request, false);
    }
    boolean safe = true;
    for (String[] path : unless) {
      safe &= !anySet(select(body, path));
    }
    if (kind == Kind.WHEN_NAMED) {
      List<JsonElement> name = select(body, paths.get(0));
      return new Prepared(request, safe && !name.isEmpty() && isNonBlankString(name.get(0)));
    }
    boolean changed = false;
    for (String[] path : paths) {
      for (JsonElement list : select(body, path)) {
        if (list.isJsonArray()) {
          for (JsonElement event : list.getAsJsonArray()) {
            changed |= EventIds.assignMissing(event);
          }
        }
      }
    }
    if (!changed) {
      return new Prepared(request, safe);
    }
    RequestBody withIds = RequestBody.create(body.toString(), request.body().contentType());
    return new Prepared(request.newBuilder().method(request.method(), withIds).build(), safe);
  }

  private static JsonElement bodyOf(Request request) {
    RequestBody body = request.body();
    if (body == null || body.isOneShot()) {
      return null;
    }
    try {
      Buffer buffer = new Buffer();
      body.writeTo(buffer);
      return JsonParser.parseString(buffer.readUtf8());
    } catch (IOException | RuntimeException notJson) {
      return null;
    }
  }

  /** The values at {@code path} below {@code root}; {@code *} stands for every entry. */
  private static List<JsonElement> select(JsonElement root, String[] path) {
    List<JsonElement> current = List.of(root);
    for (String segment : path) {
      List<JsonElement> next = new ArrayList<>();
      for (JsonElement node : current) {
        if (!node.isJsonObject()) {
          continue;
        }
        if (segment.equals("*")) {
          node.getAsJsonObject().entrySet().forEach(e -> next.add(e.getValue()));
        } else if (node.getAsJsonObject().has(segment)) {
          next.add(node.getAsJsonObject().get(segment));
        }
      }
      current = next;
    }
    return current;
  }

  /** Whether any value is set: not null, false, or an empty list, object or string. */
  private static boolean anySet(List<JsonElement> values) {
    for (JsonElement v : values) {
      if (v.isJsonNull()) {
        continue;
      }
      if (v.isJsonArray()
          ? !v.getAsJsonArray().isEmpty()
          : v.isJsonObject()
              ? !v.getAsJsonObject().isEmpty()
              : v.getAsJsonPrimitive().isBoolean()
                  ? v.getAsBoolean()
                  : !v.getAsString().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static boolean isNonBlankString(JsonElement value) {
    return value.isJsonPrimitive()
        && value.getAsJsonPrimitive().isString()
        && !value.getAsString().isBlank();
  }

  @Override
  public String toString() {
    return "RetryRule{" + kind + "}";
  }
}
