package io.github.bt4j.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonParser;
import io.github.bt4j.json.BraintrustJson;
import io.github.bt4j.models.Acl;
import io.github.bt4j.models.ChatCompletionMessageParam;
import io.github.bt4j.models.GraphNode;
import io.github.bt4j.models.ImageRenderingMode;
import io.github.bt4j.models.Permission;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A response from a newer server still parses: an enum value this client does not know and a field
 * it does not know are no errors.
 *
 * <p>What the generator does with {@code enumUnknownDefaultCase=true} (without it every generated
 * enum throws {@code IllegalArgumentException: Unexpected value}): an unknown value reads as the
 * constant {@code UNKNOWN_DEFAULT_OPEN_API} when the enum's schema is not nullable, and as {@code
 * null} when it is ({@code ImageRenderingMode}, {@code SpanType}: the generator's nullable enum
 * template returns null, with or without the option). The constant writes as {@code
 * "unknown_default_open_api"}, not as the value that was read, and null is not written at all. A
 * model read and written back, to update it, therefore does not keep an unknown enum value. Unknown
 * fields are dropped by plain models (map models keep them as entries, see {@link
 * MapModelRoundTripTest}).
 */
class LenientParsingTest {
  private static final Gson GSON = BraintrustJson.gson();
  private static final String UNKNOWN = "unknown_default_open_api";
  // By name, not symbol: without the option the constant does not exist, and this must still
  // compile to report what happens instead.
  private static final String UNKNOWN_CONSTANT = "UNKNOWN_DEFAULT_OPEN_API";
  private static final String ACL_ID = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";

  @Test
  void everyReachableEnumReadsAnUnknownValueWithoutThrowing() {
    List<String> problems = new ArrayList<>();
    int asConstant = 0;
    int asNull = 0;
    for (Class<?> type : ReachableModels.fromApi().keySet()) {
      if (!type.isEnum()) {
        continue;
      }
      if (Arrays.stream(type.getEnumConstants()).noneMatch(c -> c.toString().equals(UNKNOWN))) {
        problems.add(type.getName() + " has no " + UNKNOWN_CONSTANT + " constant");
      }
      try {
        Object value = GSON.fromJson("\"a_value_from_the_future\"", type);
        if (value == null) {
          asNull++;
        } else if (value.toString().equals(UNKNOWN)) {
          asConstant++;
        } else {
          problems.add(type.getName() + " read it as " + value);
        }
      } catch (RuntimeException e) {
        problems.add(type.getName() + " threw " + e);
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
    // Both outcomes occur: non-nullable enums (most) give the constant, nullable ones null.
    assertTrue(asConstant > 50, asConstant + " enums read the constant");
    assertTrue(asNull > 5, asNull + " enums read null");
  }

  @Test
  void aNullableEnumReadsAnUnknownValueAsNull() {
    assertNull(GSON.fromJson("\"sepia\"", ImageRenderingMode.class));
    assertEquals(
        ImageRenderingMode.BLOCKED, GSON.fromJson("\"blocked\"", ImageRenderingMode.class));
  }

  @Test
  void aclWithUnknownEnumValuesAndFieldsParses() {
    String json =
        "{\"id\":\""
            + ACL_ID
            + "\",\"object_type\":\"galaxy\",\"restrict_object_type\":\"nebula\","
            + "\"permission\":\"read\",\"granted_by\":{\"who\":[1,2]},\"ttl\":30}";

    Acl acl = GSON.fromJson(json, Acl.class);

    assertEquals(ACL_ID, acl.getId());
    assertEquals(Permission.READ, acl.getPermission());
    assertEquals(UNKNOWN_CONSTANT, acl.getObjectType().name());
    // the property is nullable, but its enum component is not: the constant, not null
    assertEquals(UNKNOWN_CONSTANT, acl.getRestrictObjectType().name());

    // lossless: the unknown values and fields are written back as they came
    assertEquals(JsonParser.parseString(json), GSON.toJsonTree(acl));
  }

  @Test
  void nestedEnumOfAUnionModelParsesUnknownValue() {
    String json =
        "{\"type\":\"quantum\",\"description\":\"d\",\"position\":{\"x\":1,\"y\":2,\"z\":3},"
            + "\"next_gen\":true}";

    GraphNode node = GSON.fromJson(json, GraphNode.class);

    assertEquals(UNKNOWN_CONSTANT, node.getType().name());
    assertEquals("d", node.getDescription());
    assertEquals(0, new BigDecimal(2).compareTo(node.getPosition().getY()));
    assertEquals(JsonParser.parseString(json), GSON.toJsonTree(node), "z and next_gen are kept");
  }

  @Test
  void chatMessageWithUnknownRoleKeepsItsContent() {
    String json = "{\"role\":\"oracle\",\"content\":\"hi\",\"audio\":{\"id\":\"a1\"}}";

    ChatCompletionMessageParam message = GSON.fromJson(json, ChatCompletionMessageParam.class);

    assertEquals(UNKNOWN_CONSTANT, message.getRole().name());
    assertEquals("hi", message.getContent());
    assertEquals(JsonParser.parseString(json), GSON.toJsonTree(message), "audio is kept");
  }
}
