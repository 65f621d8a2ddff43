package org.jinlin.app.household;

import com.fasterxml.jackson.databind.JsonNode;
import org.jinlin.app.support.Api;
import org.jinlin.app.support.ApiTest;
import org.jinlin.app.support.Codes;
import org.jinlin.app.support.TestUsers;
import org.jinlin.kernel.household.IdCardNumber;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.jinlin.app.support.Api.json;

/**
 * A registrar sets a city's policy and registers twelve households; the rules' outcome for each, written out by hand
 * from DOMAIN.md, is what the roster, the summary and the CSV show. Sanming (三明市) with a dibao standard of
 * 1 000 yuan and the default multiplier 1.5: a household is dibao below 1 000 per person and low-income below 1 500.
 */
class LowIncomeRosterApiTest extends ApiTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final String CITY = "350400";
    static final String COUNTY = "350481";

    private final Map<String, List<String>> ids = new HashMap<>();
    private String lastToken;

    /** Born ten days after the birthday {@code years} ago, so today they are exactly that age. */
    static LocalDate aged(int years) {
        return TODAY.minusYears(years).minusDays(10);
    }

    static int sequence;

    static String id(LocalDate born, boolean male) {
        String first17 = COUNTY + born.toString().replace("-", "") + String.format("%02d", sequence++ % 100)
                         + (male ? "1" : "2");
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    static Map<String, Object> member(String idNumber, String name, String relation, String employment,
                                      Map<String, Object> more) {
        Map<String, Object> member = new LinkedHashMap<>(Map.of("idNumber", idNumber, "name", name,
                                                                "relation", relation, "employment", employment));
        member.putAll(more);
        return member;
    }

    private void command(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
        lastToken = response.eventToken();
    }

    private String household(String community, int income, boolean migrant, List<Map<String, Object>> members) {
        String householdId = Codes.id("HH");
        List<String> memberIds = new ArrayList<>();
        members.forEach(m -> memberIds.add((String) m.get("idNumber")));
        ids.put(householdId, memberIds);
        command(registrar().post("/api/households", json(Map.of("householdId", householdId, "communityCode", community,
                                                                "monthlyIncome", income, "migrant", migrant,
                                                                "members", members))));
        return householdId;
    }

    private JsonNode roster(Api reader, String query) {
        Api.Response response = reader.get("/api/rosters/low-income?size=500&consistentWith=" + lastToken + "&" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.body();
    }

    /** householdId → idNumber → categories as "H:household categories|M:member categories". */
    private static Map<String, String> byPerson(JsonNode roster) {
        Map<String, String> people = new LinkedHashMap<>();
        for (JsonNode item : roster.path("items")) {
            people.put(item.path("idNumber").asText(), "H:" + join(item.path("householdCategories")) + "|M:"
                                                       + join(item.path("memberCategories")));
        }
        return people;
    }

    private static String join(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return String.join(",", values);
    }

    @Test
    void twelveHouseholdsMakeTheRosterTheSummaryAndTheCsv() {
        String community = Codes.community(COUNTY);
        command(registrar().post("/api/communities", json(Map.of("code", community, "name", "燕西社区", "kind", "URBAN",
                                                                 "townshipName", "燕西街道", "residentPopulation", 8000))));
        command(registrar().put("/api/city-policies/" + CITY, json(Map.of("dibaoStandard", 1000,
                                                                         "effectiveFrom", "2021-01-01"))));
        Map<String, Object> none = Map.of();
        String grandma1 = id(aged(82), false);
        String h1 = household(community, 2400, false, List.of(
                member(grandma1, "林秀英", "PARENT", "RETIRED", none),
                member(id(aged(55), true), "陈建国", "HEAD", "EMPLOYED", none)));
        String h2 = household(community, 800, false, List.of(
                member(id(aged(66), true), "黄老伯", "HEAD", "RETIRED", none)));
        String h3 = household(community, 6000, false, List.of(
                member(id(aged(45), true), "吴强", "HEAD", "UNEMPLOYED", none),
                member(id(aged(42), false), "郑丽", "SPOUSE", "UNEMPLOYED", none),
                member(id(aged(12), false), "吴小丽", "CHILD", "STUDENT", none)));
        String h4 = household(community, 3200, false, List.of(
                member(id(aged(30), true), "许明", "HEAD", "EMPLOYED", none),
                member(id(aged(8), true), "许乐乐", "CHILD", "STUDENT",
                       Map.of("disabilityGrade", 2, "disabilityKind", "INTELLECTUAL"))));
        String h5 = household(community, 9000, true, List.of(
                member(id(aged(35), true), "何勇", "HEAD", "EMPLOYED", none),
                member(id(aged(10), false), "何甜", "CHILD", "STUDENT", none)));
        String tekun = id(aged(70), true);
        String h6 = household(community, 0, false, List.of(
                member(tekun, "孤老张", "HEAD", "RETIRED", Map.of("noIncomeSource", true, "noLegalSupporter", true))));
        String h7 = household(community, 2600, false, List.of(
                member(id(aged(50), false), "罗芳", "HEAD", "EMPLOYED", Map.of("disabilityGrade", 3, "disabilityKind", "MENTAL")),
                member(id(aged(52), true), "罗军", "SPOUSE", "EMPLOYED", none)));
        String h8 = household(community, 10000, false, List.of(
                member(id(aged(23), true), "邱晨", "CHILD", "UNEMPLOYED", Map.of("graduationYear", TODAY.getYear() - 1)),
                member(id(aged(48), false), "邱梅", "HEAD", "EMPLOYED", none)));
        String h9 = household(community, 9000, false, List.of(
                member(id(aged(40), true), "富有", "HEAD", "EMPLOYED", none)));
        String h10 = household(community, 4000, false, List.of(
                member(id(aged(61), false), "钟奶奶", "HEAD", "RETIRED", none),
                member(id(aged(64), true), "钟爷爷", "SPOUSE", "RETIRED", none)));
        String h11 = household(community, 900, false, List.of(
                member(id(aged(35), true), "蓝阳", "HEAD", "UNEMPLOYED", Map.of("disabilityGrade", 4, "disabilityKind", "PHYSICAL"))));
        String h12 = household(community, 3900, false, List.of(
                member(id(aged(90), false), "温太婆", "GRANDPARENT", "RETIRED", Map.of("selfCare", "DEMENTIA")),
                member(id(aged(62), false), "温婶", "HEAD", "RETIRED", none),
                member(id(aged(60), true), "温叔", "SPOUSE", "EMPLOYED", none)));

        Map<String, String> expected = new LinkedHashMap<>();
        expect(expected, h1, "LOW_INCOME", "INDIVIDUAL_DIBAO", "");
        expect(expected, h2, "DIBAO", "EMPTY_NEST_ELDER");
        expect(expected, h3, "ZERO_EMPLOYMENT", "", "FORTY_FIFTY", "");
        expect(expected, h4, "", "", "CHILD_IN_DIFFICULTY,DISABLED");
        expect(expected, h5, "MIGRANT", "", "MIGRANT_CHILD");
        expect(expected, h6, "DIBAO", "EMPTY_NEST_ELDER,TEKUN");
        expect(expected, h7, "LOW_INCOME", "DISABLED,INDIVIDUAL_DIBAO", "");
        expect(expected, h8, "", "UNEMPLOYED_GRADUATE", "");
        expect(expected, h10, "", "EMPTY_NEST_ELDER", "EMPTY_NEST_ELDER");
        expect(expected, h11, "DIBAO,ZERO_EMPLOYMENT", "DISABILITY_ALLOWANCE,DISABLED,DISABLED_JOBSEEKER");
        expect(expected, h12, "LOW_INCOME", "INDIVIDUAL_DIBAO", "", "");
        assertThat(byPerson(roster(registrar(), "communityCode=" + community))).isEqualTo(expected);
        assertThat(ids.get(h9)).as("a household without any category is not on the roster")
                               .allSatisfy(id -> assertThat(expected).doesNotContainKey(id));

        JsonNode summary = registrar().get("/api/rosters/low-income/summary?groupBy=community&consistentWith=" + lastToken)
                                      .body();
        JsonNode unit = null;
        for (JsonNode row : summary) {
            if (row.path("unit").asText().equals(community)) {
                unit = row;
            }
        }
        assertThat(unit).isNotNull();
        assertThat(unit.path("unitName").asText()).isEqualTo("燕西社区");
        assertThat(unit.path("households").asLong()).isEqualTo(11);
        assertThat(unit.path("persons").asLong()).isEqualTo(19);
        Map<String, Long> persons = new LinkedHashMap<>();
        unit.path("byCategory").fields().forEachRemaining(e -> persons.put(e.getKey(), e.getValue().asLong()));
        assertThat(persons).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("DIBAO", 3L), Map.entry("LOW_INCOME", 7L), Map.entry("ZERO_EMPLOYMENT", 4L),
                Map.entry("MIGRANT", 2L), Map.entry("INDIVIDUAL_DIBAO", 3L), Map.entry("EMPTY_NEST_ELDER", 4L),
                Map.entry("FORTY_FIFTY", 1L), Map.entry("CHILD_IN_DIFFICULTY", 1L), Map.entry("DISABLED", 3L),
                Map.entry("MIGRANT_CHILD", 1L), Map.entry("TEKUN", 1L), Map.entry("UNEMPLOYED_GRADUATE", 1L),
                Map.entry("DISABLED_JOBSEEKER", 1L), Map.entry("DISABILITY_ALLOWANCE", 1L)));
        assertThat(unit.path("householdsByCategory").path("EMPTY_NEST_ELDER").asLong()).isEqualTo(3);
        assertThat(unit.path("householdsByCategory").path("DIBAO").asLong()).isEqualTo(3);

        // The CSV, byte for byte: BOM, the bilingual header, one line per person.
        Api.Response csv = registrar().get("/api/rosters/low-income.csv?communityCode=" + community + "&category=TEKUN");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String expectedCsv = "\uFEFF" + "户编号(householdId),身份证号(idNumber),姓名(name),年龄(age),性别(sex),"
                             + "社区代码(communityCode),区县代码(countyCode),设区市代码(cityCode),"
                             + "家庭类别(householdCategories),个人类别(memberCategories)\r\n"
                             + h6 + "," + tekun + ",孤老张,70,MALE," + community + "," + COUNTY + "," + CITY
                             + ",DIBAO,EMPTY_NEST_ELDER;TEKUN\r\n";
        assertThat(csv.raw().body().getBytes(StandardCharsets.UTF_8))
                .isEqualTo(expectedCsv.getBytes(StandardCharsets.UTF_8));

        // Analysts see the same roster with names and id numbers masked.
        Api analyst = api.as(TestUsers.ANALYST);
        JsonNode masked = roster(analyst, "communityCode=" + community + "&category=TEKUN").path("items").get(0);
        assertThat(masked.path("name").asText()).isEqualTo("孤**");
        assertThat(masked.path("idNumber").asText()).isEqualTo(tekun.substring(0, 4) + "**********" + tekun.substring(14));
        assertThat(analyst.get("/api/rosters/low-income.csv?communityCode=" + community + "&category=TEKUN").text())
                .contains("孤**").doesNotContain("孤老张", tekun);
        assertThat(api.as(TestUsers.MEDIATOR).get("/api/rosters/low-income").status()).isEqualTo(403);

        // For analysts, counts that would single out fewer than five persons are suppressed.
        JsonNode suppressed = null;
        for (JsonNode row : analyst.get("/api/rosters/low-income/summary?groupBy=community").body()) {
            if (row.path("unit").asText().equals(community)) {
                suppressed = row;
            }
        }
        assertThat(suppressed).isNotNull();
        assertThat(suppressed.path("persons").asLong()).isEqualTo(19);
        assertThat(suppressed.path("byCategory").path("LOW_INCOME").asLong()).isEqualTo(7);
        assertThat(suppressed.path("byCategory").path("DIBAO").asText()).isEqualTo("<5");
        assertThat(suppressed.path("byCategory").path("TEKUN").asText()).isEqualTo("<5");
        assertThat(analyst.get("/api/households/" + h1).status()).isEqualTo(403);

        // The household view: facts, members, categories and the reasons.
        JsonNode view = registrar().get("/api/households/" + h1 + "?consistentWith=" + lastToken).body();
        assertThat(view.path("householdCategories").get(0).asText()).isEqualTo("LOW_INCOME");
        assertThat(view.path("members").get(0).path("name").asText()).isEqualTo("林秀英");
        assertThat(view.path("members").get(0).path("age").asInt()).isEqualTo(82);
        assertThat(view.path("reasons").toString()).contains("member 1 aged 82, aged 80 or more, in a low-income household");
        assertThat(view.path("policyVersion").asText()).startsWith("350400@2021-01-01:1000");

        // Deregistration drops a household out; a move moves it.
        command(registrar().post("/api/households/" + h2 + "/deregistration", json(Map.of("reason", "迁往外地"))));
        String other = Codes.community(COUNTY);
        command(registrar().post("/api/communities", json(Map.of("code", other, "name", "贡川社区", "kind", "RURAL",
                                                                 "townshipName", "贡川镇", "residentPopulation", 3000))));
        command(registrar().post("/api/households/" + h5 + "/move", json(Map.of("communityCode", other))));
        Map<String, String> afterwards = byPerson(roster(registrar(), "communityCode=" + community));
        assertThat(afterwards).doesNotContainKeys(ids.get(h2).toArray(String[]::new))
                              .doesNotContainKeys(ids.get(h5).toArray(String[]::new));
        assertThat(byPerson(roster(registrar(), "communityCode=" + other))).containsOnlyKeys(ids.get(h5));

        // A higher standard reaches every household of the city: H1 (1 200 per person) becomes dibao.
        command(registrar().put("/api/city-policies/" + CITY, json(Map.of("dibaoStandard", 1300,
                                                                         "effectiveFrom", TODAY.toString()))));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(byPerson(roster(registrar(), "communityCode=" + community)).get(grandma1))
                        .isEqualTo("H:DIBAO|M:"));
    }

    private void expect(Map<String, String> expected, String householdId, String householdCategories,
                        String... memberCategories) {
        List<String> memberIds = ids.get(householdId);
        for (int i = 0; i < memberIds.size(); i++) {
            String categories = i < memberCategories.length ? memberCategories[i] : "";
            if (!householdCategories.isEmpty() || !categories.isEmpty()) {
                expected.put(memberIds.get(i), "H:" + householdCategories + "|M:" + categories);
            }
        }
    }

    @Test
    void invalidHouseholdsAreRefusedAndAppendNothing() {
        String community = Codes.community(COUNTY);
        registrar().post("/api/communities", json(Map.of("code", community, "name", "x", "kind", "URBAN",
                                                         "townshipName", "y", "residentPopulation", 1)));
        registrar().put("/api/city-policies/" + CITY, json(Map.of("dibaoStandard", 1000, "effectiveFrom", "2021-01-01")));
        String person = id(aged(40), true);
        String mistyped = person.substring(0, 17) + (person.charAt(17) == '0' ? "1" : "0");
        Api.Response badCheck = registrar().post("/api/households", json(Map.of(
                "householdId", Codes.id("HH"), "communityCode", community, "monthlyIncome", 100,
                "members", List.of(member(mistyped, "某人", "HEAD", "EMPLOYED", Map.of())))));
        assertThat(badCheck.status()).isEqualTo(400);
        assertThat(badCheck.body().path("errors").get(0).path("field").asText()).isEqualTo("members[0].idNumber");
        assertThat(badCheck.body().path("errors").get(0).path("message").asText()).contains("check digit");

        String first = Codes.id("HH");
        assertThat(registrar().post("/api/households", json(Map.of(
                "householdId", first, "communityCode", community, "monthlyIncome", 100,
                "members", List.of(member(person, "某人", "HEAD", "EMPLOYED", Map.of()))))).status()).isEqualTo(201);
        Api.Response twice = registrar().post("/api/households", json(Map.of(
                "householdId", Codes.id("HH"), "communityCode", community, "monthlyIncome", 100,
                "members", List.of(member(person, "某人", "HEAD", "EMPLOYED", Map.of())))));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().path("detail").asText()).contains("already a member of active household " + first)
                                                       .doesNotContain(person);

        Api.Response noPolicy = registrar().post("/api/households", json(Map.of(
                "householdId", Codes.id("HH"), "communityCode", "350102001001", "monthlyIncome", 100,
                "members", List.of(member(id(aged(30), false), "某人", "HEAD", "EMPLOYED", Map.of())))));
        assertThat(noPolicy.status()).isEqualTo(409);
        assertThat(api.as(TestUsers.ANALYST).post("/api/households", "{}").status()).isEqualTo(403);
        assertThat(registrar().post("/api/households/" + Codes.id("HH") + "/income",
                                    json(Map.of("monthlyIncome", 1, "asOf", "2024-01-01"))).status()).isEqualTo(404);
    }
}
