package io.github.bt4j.testing.internal;

import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records each request, sends it to the handler of its method and path after checking its
 * credentials, and turns failures into the API's error answers: plain text for Braintrust's own
 * endpoints, OpenAI's JSON error object for the AI proxy.
 */
final class Router implements HttpHandler {
  /** Answers one routed request. */
  interface Handler {
    void handle(ApiExchange call) throws IOException;
  }

  /** How a route reports errors. */
  enum ErrorStyle {
    /** {@code text/plain}, the first error media type the spec lists. */
    TEXT,
    /** {@code {"error": {"message": ..., "type": ...}}}, as OpenAI-compatible endpoints do. */
    OPENAI
  }

  private record Route(
      String method, List<String> segments, Handler handler, ErrorStyle errorStyle) {
    /** The path parameters if {@code path} matches this route's template, else null. */
    Map<String, String> match(List<String> path) {
      if (path.size() != segments.size()) {
        return null;
      }
      Map<String, String> params = new LinkedHashMap<>();
      for (int i = 0; i < segments.size(); i++) {
        String s = segments.get(i);
        if (s.startsWith("{")) {
          params.put(s.substring(1, s.length() - 1), path.get(i));
        } else if (!s.equals(path.get(i))) {
          return null;
        }
      }
      return params;
    }
  }

  private final List<Route> routes = new ArrayList<>();
  private final Authenticator authenticator;
  private final RequestLog log;
  private final AtomicLong requestIds = new AtomicLong();

  Router(Authenticator authenticator, RequestLog log) {
    this.authenticator = authenticator;
    this.log = log;
  }

  /** Routes {@code method} on {@code template} (like {@code /v1/project/{project_id}}). */
  void add(String method, String template, Handler handler) {
    add(method, template, handler, ErrorStyle.TEXT);
  }

  void add(String method, String template, Handler handler, ErrorStyle errorStyle) {
    routes.add(new Route(method, split(template), handler, errorStyle));
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      ApiExchange call = new ApiExchange(exchange, "fake-" + requestIds.incrementAndGet());
      log.request(call.received());
      ErrorStyle style = ErrorStyle.TEXT;
      try {
        List<String> path = split(call.path());
        Route route = find(call.method(), path);
        style = route.errorStyle();
        call.pathParams(route.match(path));
        call.actingUser(authenticator.authenticate(call));
        route.handler().handle(call);
      } catch (ApiError e) {
        answerError(call, style, e.status(), e.getMessage());
      } catch (RuntimeException e) {
        answerError(call, style, 500, "fake Braintrust failure: " + e);
      }
    }
  }

  private Route find(String method, List<String> path) {
    boolean pathKnown = false;
    for (Route route : routes) {
      if (route.match(path) != null) {
        if (route.method().equals(method)) {
          return route;
        }
        pathKnown = true;
      }
    }
    String where = method + " /" + String.join("/", path);
    if (pathKnown) {
      throw ApiError.methodNotAllowed("Method not allowed: " + where);
    }
    throw ApiError.notFound("Not found: " + where + " is not an operation of the fake Braintrust");
  }

  private static void answerError(ApiExchange call, ErrorStyle style, int status, String message)
      throws IOException {
    if (call.answered()) {
      return; // a stream already started; the broken connection is the only signal left
    }
    if (style == ErrorStyle.OPENAI) {
      JsonObject error = new JsonObject();
      error.addProperty("message", message);
      error.addProperty("type", status == 401 ? "authentication_error" : "invalid_request_error");
      JsonObject body = new JsonObject();
      body.add("error", error);
      call.sendJson(status, body);
    } else {
      call.sendText(status, message);
    }
  }

  private static List<String> split(String path) {
    List<String> segments = new ArrayList<>();
    for (String s : path.split("/")) {
      if (!s.isEmpty()) {
        segments.add(s);
      }
    }
    return segments;
  }
}
