package io.github.bt4j.internal.http;

import java.io.IOException;
import java.util.concurrent.RejectedExecutionException;
import okhttp3.Response;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import okio.Pipe;
import okio.Sink;

/**
 * A response body handed over as it arrives. A thread of the client copies it from the socket into
 * an okio {@link Pipe} without a bound, so the copy never waits for the reader, and closes the
 * response when the body ends; the reader parses from the pipe meanwhile. A reader that stops early
 * leaves the copy to finish the body and release the connection, holding at most the body's bytes
 * until then. A body that breaks off is thrown by the reader's source, after the bytes that did
 * arrive, as the request's {@link io.github.bt4j.errors.ConnectionException}: never an early end.
 */
public final class ReadAhead extends ForwardingSource implements Runnable {
  private final Response response;
  private final Sink sink;
  private volatile Exception failure; // set before the pipe's sink is closed

  private ReadAhead(Response response, Pipe pipe) {
    super(pipe.source());
    this.response = response;
    this.sink = pipe.sink();
  }

  /**
   * The body of {@code response}, an answer of {@link Transport#open}, handed over as it arrives: a
   * thread of the transport's client copies it meanwhile and closes the response at its end, so the
   * caller never closes it and may stop reading at any point; once the client is closed, the body
   * is read whole in this thread first. A body that breaks off is thrown, by the source's reads, as
   * a {@link io.github.bt4j.errors.ConnectionException}.
   *
   * @param response the response, not closed
   * @param transport the client's transport
   * @return the body
   */
  public static BufferedSource start(Response response, Transport transport) {
    ReadAhead body = new ReadAhead(response, new Pipe(Long.MAX_VALUE));
    try {
      transport.resources().readers().execute(body);
    } catch (RejectedExecutionException closed) {
      body.run();
    }
    return Okio.buffer(body);
  }

  @Override
  public void run() {
    try (sink) {
      try (response) {
        BufferedSource in = response.body().source(); // an executed call's body is never null
        for (Buffer chunk = new Buffer(); in.read(chunk, 8192) != -1; ) {
          sink.write(chunk, chunk.size()); // piece by piece: the reader may be waiting
        }
      } catch (IOException | RuntimeException e) {
        failure = e; // before the sink closes: the reader sees it at the end of what arrived
      }
    } catch (IOException cannot) {
      // closing a pipe's sink is done in memory
    }
  }

  @Override
  public long read(Buffer into, long byteCount) {
    try {
      long read = super.read(into, byteCount);
      if (read == -1 && failure != null) {
        throw failure;
      }
      return read;
    } catch (Exception e) { // the copy's failure, or this thread interrupted while it waited
      throw Transport.connectionFailure(response.request(), e);
    }
  }
}
