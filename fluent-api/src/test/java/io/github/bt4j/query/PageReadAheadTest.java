package io.github.bt4j.query;

import static io.github.bt4j.pagination.PagingTestSupport.id;
import static io.github.bt4j.pagination.PagingTestSupport.noConnectionInUse;
import static io.github.bt4j.streaming.ScriptedHttpServer.await;
import static io.github.bt4j.streaming.ScriptedHttpServer.cutMidChunk;
import static io.github.bt4j.streaming.ScriptedHttpServer.end;
import static io.github.bt4j.streaming.ScriptedHttpServer.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.github.bt4j.BraintrustClient;
import io.github.bt4j.errors.ConnectionException;
import io.github.bt4j.internal.http.ClientAccess;
import io.github.bt4j.streaming.ScriptedHttpServer;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A fetch page is parsed while its body arrives: a scripted server writes part of a page and waits
 * for the test, which releases it only once the client has handed out a row.
 */
class PageReadAheadTest {
  private static final String PROJECT = "3c90c3cc-0d44-4b50-8888-8dd25736052a";

  private static String row(int n) {
    return "{\"id\":\"" + id(n) + "\",\"_xact_id\":\"" + (100 - n) + "\",\"input\":\"q" + n + "\"}";
  }

  private static BraintrustClient client(ScriptedHttpServer server) {
    return BraintrustClient.builder().apiKey("sk-test").baseUrl(server.baseUrl()).build();
  }

  private static Iterator<JsonObject> events(BraintrustClient client) {
    return client.queries().fetchProjectLogs(PROJECT).events().iterator();
  }

  @Test
  void rowsAreHandedOutBeforeThePageHasArrived() throws Exception {
    CountDownLatch firstRowTaken = new CountDownLatch(1);
    try (ScriptedHttpServer server =
            new ScriptedHttpServer(
                "application/json",
                send("{\"events\":[" + row(1) + ","),
                await(firstRowTaken),
                send(row(2) + "]}"),
                end());
        BraintrustClient client = client(server)) {
      Iterator<JsonObject> rows = events(client);
      assertEquals("q1", rows.next().get("input").getAsString());
      firstRowTaken.countDown();
      assertEquals("q2", rows.next().get("input").getAsString());
      assertFalse(rows.hasNext());
      server.scriptDone().get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void aWalkLeftAfterOneRowLeavesNoConnectionOpen() throws Exception {
    CountDownLatch left = new CountDownLatch(1);
    try (ScriptedHttpServer server =
            new ScriptedHttpServer(
                "application/json",
                send("{\"events\":[" + row(1) + ","),
                await(left),
                send(row(2) + "],\"cursor\":\"c1\"}"),
                end());
        BraintrustClient client = client(server)) {
      for (JsonObject row : client.queries().fetchProjectLogs(PROJECT).events()) {
        assertEquals("q1", row.get("input").getAsString());
        break;
      }
      left.countDown();
      server.scriptDone().get(30, TimeUnit.SECONDS);
      assertTrue(
          noConnectionInUse(client), "the rest of the page was read and the response closed");
      assertEquals(
          1, ClientAccess.transportOf(client).http().connectionPool().idleConnectionCount());
    }
  }

  @Test
  void aBodyCutOffMidPageIsAConnectionException() throws Exception {
    CountDownLatch firstRowTaken = new CountDownLatch(1);
    try (ScriptedHttpServer server =
            new ScriptedHttpServer(
                "application/json",
                send("{\"events\":[" + row(1) + ","),
                await(firstRowTaken),
                cutMidChunk(row(2) + ",{\"id\":\"")); // no more rows, no end of the JSON
        BraintrustClient client = client(server)) {
      Iterator<JsonObject> rows = events(client);
      assertEquals("q1", rows.next().get("input").getAsString());
      firstRowTaken.countDown();
      ConnectionException e =
          assertThrows(
              ConnectionException.class,
              () -> {
                while (rows.hasNext()) {
                  rows.next(); // row 2 may or may not have arrived before the reset
                }
              });
      assertInstanceOf(IOException.class, e.getCause());
      assertTrue(e.getMessage().startsWith("POST http://127.0.0.1:"), e.getMessage());
      server.scriptDone().get(30, TimeUnit.SECONDS);
    }
  }
}
