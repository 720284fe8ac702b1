/**
 * The transport chain every call runs through: {@link io.github.bt4j.internal.http.Transport}
 * builds requests with the generated Retrofit interface and reads responses from the stream; the
 * OkHttp interceptors retry, add headers and auth, and log. Not API.
 */
package io.github.bt4j.internal.http;
