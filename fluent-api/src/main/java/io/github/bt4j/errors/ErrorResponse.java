package io.github.bt4j.errors;

/**
 * What the server answered a failed call with, as an {@link ApiException} carries it.
 *
 * @param statusCode the HTTP status, such as 404
 * @param serverMessage the server's own message; never null or empty
 * @param errorCode the server's machine-readable error code, or null if it sent none
 * @param responseBody the first 64 KiB of the body as received (the API key masked); "" if none
 * @param requestId the id the server gave the request, or null if it sent none
 * @param method the HTTP method of the request
 * @param url the URL of the request (it never carries credentials)
 */
public record ErrorResponse(
    int statusCode,
    String serverMessage,
    String errorCode,
    String responseBody,
    String requestId,
    String method,
    String url) {}
