package io.github.bt4j.internal.json;

import com.google.gson.Gson;
import io.github.bt4j.json.BraintrustJson;

/** The one Gson configuration every part of the client reads and writes JSON with. */
public final class Json {
  private Json() {}

  /** The shared, thread-safe Gson instance: {@link BraintrustJson#gson()}. */
  public static Gson gson() {
    return BraintrustJson.gson();
  }
}
