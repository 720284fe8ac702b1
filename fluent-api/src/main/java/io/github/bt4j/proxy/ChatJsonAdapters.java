package io.github.bt4j.proxy;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;

/**
 * How any Gson, the library's included, writes and reads the chat request types: each is written as
 * the JSON it holds, and read back through the same checks its factory methods make. Named by each
 * type's {@code @JsonAdapter}.
 */
final class ChatJsonAdapters implements TypeAdapterFactory {
  private static final Map<Class<?>, Function<JsonElement, ?>> READERS =
      Map.of(
          ChatCompletionRequest.class, ChatCompletionRequest::read,
          ChatMessage.class, ChatMessage::fromJson,
          ChatContentPart.class, ChatContentPart::fromJson,
          ChatTool.class, ChatTool::fromJson,
          ChatToolChoice.class, ChatToolChoice::read,
          ChatResponseFormat.class, ChatResponseFormat::read);

  @Override
  public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
    Function<JsonElement, ?> reader = READERS.get(type.getRawType());
    if (reader == null) {
      return null;
    }
    TypeAdapter<JsonElement> elements = gson.getAdapter(JsonElement.class);
    return new TypeAdapter<T>() {
      @Override
      public void write(JsonWriter out, T value) throws IOException {
        elements.write(out, ((JsonBacked) value).json());
      }

      @Override
      public T read(JsonReader in) throws IOException {
        try {
          @SuppressWarnings("unchecked")
          T value = (T) reader.apply(elements.read(in));
          return value;
        } catch (IllegalArgumentException e) {
          throw new JsonParseException(e.getMessage(), e);
        }
      }
    }.nullSafe(); // null is written and read as JSON null
  }
}
