package io.github.bt4j.pagination;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.bt4j.pagination.PagingTestSupport.client;
import static io.github.bt4j.pagination.PagingTestSupport.id;
import static io.github.bt4j.pagination.PagingTestSupport.noConnectionInUse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.bt4j.BraintrustClient;
import io.github.bt4j.errors.PaginationException;
import io.github.bt4j.models.EnvVar;
import io.github.bt4j.models.EnvVarListParams;
import io.github.bt4j.models.Project;
import io.github.bt4j.models.ProjectListParams;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@WireMockTest
class ListPagingTest {
  private static String projects(int... ns) {
    return IntStream.of(ns)
        .mapToObj(
            n -> "{\"id\":\"" + id(n) + "\",\"org_id\":\"" + id(0) + "\",\"name\":\"p" + n + "\"}")
        .collect(Collectors.joining(",", "{\"objects\":[", "]}"));
  }

  private static void page(WireMock wm, String query, String body) {
    wm.register(get(urlEqualTo("/v1/project" + query)).willReturn(okJson(body)));
  }

  private static List<String> urls(WireMock wm) {
    List<String> urls = new ArrayList<>();
    for (LoggedRequest r : wm.find(getRequestedFor(urlPathEqualTo("/v1/project")))) {
      urls.add(r.getUrl());
    }
    return urls;
  }

  @Test
  void walksEveryPageWithStartingAfterUntilAnEmptyPage(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    page(wm, "?limit=2&org_name=acme", projects(1, 2));
    page(wm, "?limit=2&org_name=acme&starting_after=" + id(2), projects(3, 4));
    page(wm, "?limit=2&org_name=acme&starting_after=" + id(4), projects(5));
    page(wm, "?limit=2&org_name=acme&starting_after=" + id(5), projects());
    try (BraintrustClient client = client(info)) {
      List<String> names = new ArrayList<>();
      AutoPager<Project> all =
          client.projects().list(ProjectListParams.builder().limit(2).orgName("acme").build());
      assertTrue(urls(wm).isEmpty(), "nothing is sent before the loop starts");
      for (Project p : all) {
        names.add(p.getName());
      }
      assertEquals(List.of("p1", "p2", "p3", "p4", "p5"), names);
    }
    assertEquals(
        List.of(
            "/v1/project?limit=2&org_name=acme",
            "/v1/project?limit=2&org_name=acme&starting_after=" + id(2),
            "/v1/project?limit=2&org_name=acme&starting_after=" + id(4),
            "/v1/project?limit=2&org_name=acme&starting_after=" + id(5)),
        urls(wm));
  }

  @Test
  void aServerThatCapsItsPagesBelowTheLimitIsWalkedToTheEnd(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    page(wm, "?limit=100", projects(IntStream.rangeClosed(1, 50).toArray()));
    for (int from = 51; from <= 230; from += 50) {
      int[] next = IntStream.rangeClosed(from, Math.min(from + 49, 230)).toArray();
      page(wm, "?limit=100&starting_after=" + id(from - 1), projects(next));
    }
    page(wm, "?limit=100&starting_after=" + id(230), projects());
    try (BraintrustClient client = client(info)) {
      assertEquals(230, client.projects().list().stream().count());
    }
    assertEquals(6, urls(wm).size());
  }

  @Test
  void stopsOnAnEmptyLastPageAndUsesTheDefaultPageSize(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    int[] first = IntStream.rangeClosed(1, 100).toArray();
    page(wm, "?limit=100", projects(first));
    page(wm, "?limit=100&starting_after=" + id(100), "{\"objects\":[]}");
    try (BraintrustClient client = client(info)) {
      assertEquals(100, client.projects().list().stream().count());
    }
    assertEquals(2, urls(wm).size());
  }

  @Test
  void pageByPageAccess(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    page(wm, "?limit=2", projects(1, 2));
    page(wm, "?limit=2&starting_after=" + id(2), projects(3));
    page(wm, "?limit=2&starting_after=" + id(3), projects());
    try (BraintrustClient client = client(info)) {
      AutoPager<Project> all = client.projects().list(ProjectListParams.builder().limit(2).build());
      Page<Project> first = all.firstPage();
      assertEquals(2, first.items().size());
      assertTrue(first.hasNextPage());
      assertEquals(id(2), first.nextCursor().orElseThrow());
      List<Integer> sizes = new ArrayList<>();
      for (Page<Project> p : all.pages()) {
        sizes.add(p.items().size());
      }
      assertEquals(List.of(2, 1, 0), sizes, "the empty page that ends the walk is a page too");
      Page<Project> second = all.startingAt(first.nextCursor().orElseThrow()).firstPage();
      assertEquals("p3", second.items().get(0).getName());
      assertTrue(second.hasNextPage(), "only an empty page says there is nothing more");
      Page<Project> third = all.startingAt(second.nextCursor().orElseThrow()).firstPage();
      assertFalse(third.hasNextPage());
    }
  }

  @Test
  void walksBackwardsWithEndingBefore(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    page(wm, "?limit=2&ending_before=" + id(9), projects(7, 8));
    page(wm, "?limit=2&ending_before=" + id(7), projects(5, 6));
    page(wm, "?limit=2&ending_before=" + id(5), projects(4));
    page(wm, "?limit=2&ending_before=" + id(4), projects());
    try (BraintrustClient client = client(info)) {
      List<String> names =
          client
              .projects()
              .list(ProjectListParams.builder().limit(2).endingBefore(id(9)).build())
              .stream()
              .map(Project::getName)
              .collect(Collectors.toList());
      assertEquals(List.of("p8", "p7", "p6", "p5", "p4"), names);
    }
    assertEquals(4, urls(wm).size());
  }

  @Test
  void findFirstFetchesOnlyTheFirstPage(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    page(wm, "?limit=2", projects(1, 2));
    page(wm, "?limit=2&starting_after=" + id(2), projects(3, 4));
    try (BraintrustClient client = client(info)) {
      Project first =
          client.projects().list(ProjectListParams.builder().limit(2).build()).stream()
              .findFirst()
              .orElseThrow();
      assertEquals("p1", first.getName());
    }
    assertEquals(List.of("/v1/project?limit=2"), urls(wm));
  }

  @Test
  void breakingOutLeavesNoConnectionInUseAndResumesExactly(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    page(wm, "?limit=2", projects(1, 2));
    page(wm, "?limit=2&starting_after=" + id(2), projects(3, 4));
    page(wm, "?limit=2&starting_after=" + id(3), projects(4));
    page(wm, "?limit=2&starting_after=" + id(4), projects());
    try (BraintrustClient client = client(info)) {
      AutoPager<Project> all = client.projects().list(ProjectListParams.builder().limit(2).build());
      PageIterator<Project> it = all.iterator();
      String resume = null;
      while (it.hasNext()) {
        if (it.next().getName().equals("p3")) {
          resume = it.resumeCursor().orElseThrow();
          break;
        }
      }
      assertTrue(noConnectionInUse(client));
      assertEquals(id(3), resume, "a list walk resumes right after the last item returned");
      assertEquals(
          List.of("p4"),
          all.startingAt(resume).stream().map(Project::getName).collect(Collectors.toList()));
    }
  }

  @Test
  void aServerThatIgnoresTheCursorEndsInAnError(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    wm.register(get(urlPathEqualTo("/v1/project")).willReturn(okJson(projects(1, 2))));
    try (BraintrustClient client = client(info)) {
      List<String> names = new ArrayList<>();
      PaginationException e =
          assertThrows(
              PaginationException.class,
              () ->
                  client
                      .projects()
                      .list(ProjectListParams.builder().limit(2).build())
                      .forEach(p -> names.add(p.getName())));
      assertEquals(List.of("p1", "p2"), names, "the repeated page is not handed out");
      assertEquals(id(2), e.cursor());
    }
    assertEquals(2, urls(wm).size());
  }

  @Test
  void anEndpointWithoutCursorsIsOnePage(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    wm.register(
        get(urlPathEqualTo("/v1/env_var"))
            .willReturn(
                okJson(
                    "{\"objects\":[{\"id\":\""
                        + id(1)
                        + "\",\"object_type\":\"project\",\"object_id\":\""
                        + id(0)
                        + "\",\"name\":\"A\"}]}")));
    try (BraintrustClient client = client(info)) {
      List<EnvVar> vars =
          client.envVars().list(EnvVarListParams.builder().limit(1).build()).stream()
              .collect(Collectors.toList());
      assertEquals(1, vars.size());
    }
    assertEquals(
        1, wm.find(getRequestedFor(urlPathEqualTo("/v1/env_var"))).size(), "no starting_after");
    wm.verifyThat(getRequestedFor(urlEqualTo("/v1/env_var?limit=1")));
  }

  @Test
  void aFailedPageIsAskedForAgainByTheSameIterator(WireMockRuntimeInfo info) {
    WireMock wm = info.getWireMock();
    page(wm, "?limit=2", projects(1, 2));
    wm.register(
        get(urlEqualTo("/v1/project?limit=2&starting_after=" + id(2)))
            .willReturn(aResponse().withStatus(404).withBody("gone")));
    try (BraintrustClient client = client(info)) {
      PageIterator<Project> it =
          client.projects().list(ProjectListParams.builder().limit(2).build()).iterator();
      it.next();
      it.next();
      assertThrows(io.github.bt4j.errors.NotFoundException.class, it::hasNext);
      assertEquals(id(2), it.resumeCursor().orElseThrow());
      page(wm, "?limit=2&starting_after=" + id(2), projects(3));
      page(wm, "?limit=2&starting_after=" + id(3), projects());
      assertTrue(it.hasNext());
      assertEquals("p3", it.next().getName());
      assertFalse(it.hasNext());
    }
  }
}
