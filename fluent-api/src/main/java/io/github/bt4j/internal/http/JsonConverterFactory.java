package io.github.bt4j.internal.http;

import com.google.gson.TypeAdapter;
import java.io.OutputStreamWriter;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okhttp3.ResponseBody;
import okio.Buffer;
import retrofit2.Converter;
import retrofit2.Retrofit;

/**
 * Lets Retrofit write request bodies with the client's Gson, through {@link CheckedJsonWriter}: a
 * body JSON cannot carry (NaN, a value that contains itself) is an {@link IllegalArgumentException}
 * naming the field, and nothing is sent. Responses are read by {@link Transport} itself (from the
 * stream, with typed errors); the response converter exists only because Retrofit insists on one
 * when it parses a service method, and is never called.
 */
final class JsonConverterFactory extends Converter.Factory {
  static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

  @Override
  public Converter<?, RequestBody> requestBodyConverter(
      Type type, Annotation[] parameterAnnotations, Annotation[] methodAnnotations, Retrofit r) {
    TypeAdapter<?> adapter = CheckedJsonWriter.adapter(type);
    return value -> {
      Buffer buffer = new Buffer();
      CheckedJsonWriter.write(
          adapter, value, new OutputStreamWriter(buffer.outputStream(), StandardCharsets.UTF_8));
      return RequestBody.create(buffer.readByteString(), JSON);
    };
  }

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    return body -> {
      throw new UnsupportedOperationException("Transport reads every response itself");
    };
  }
}
