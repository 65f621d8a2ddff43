package org.jinlin.app.privacy;

import org.jinlin.app.support.ApiTest;
import org.jinlin.app.support.Codes;
import org.jinlin.app.support.TestUsers;
import org.jinlin.kernel.household.IdCardNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jinlin.app.support.Api.json;

/**
 * No personal data in the logs: a full scenario — households with members, a refused duplicate person, a
 * mistyped id number, a dispute with named parties, an audit read, an erasure — runs while the log output is
 * captured, and none of the names or id-card numbers used appears in it.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataLogTest extends ApiTest {

    @Test
    void aFullScenarioLeavesNoNameOrIdNumberInTheLog(CapturedOutput log) {
        String community = Codes.community("350181");
        String first17 = "350181" + LocalDate.of(1950, 2, 3).toString().replace("-", "") + "331";
        String idNumber = first17 + IdCardNumber.checkCharacter(first17);
        String second17 = "350181" + LocalDate.of(1988, 8, 8).toString().replace("-", "") + "442";
        String otherId = second17 + IdCardNumber.checkCharacter(second17);
        String mistyped = idNumber.substring(0, 17) + (idNumber.charAt(17) == '0' ? "1" : "0");
        List<String> secrets = List.of("日志秘密甲", "日志秘密乙", "纠纷当事人丙", "纠纷当事人丁", idNumber, otherId, mistyped);

        registrar().post("/api/communities", json(Map.of("code", community, "name", "融城社区", "kind", "URBAN",
                                                         "townshipName", "玉屏街道", "residentPopulation", 4000)));
        registrar().put("/api/city-policies/350100", json(Map.of("dibaoStandard", 1100, "effectiveFrom", "2021-01-01")));
        String household = Codes.id("LOG");
        assertThat(registrar().post("/api/households", json(Map.of(
                "householdId", household, "communityCode", community, "monthlyIncome", 1200, "migrant", false,
                "members", List.of(Map.of("idNumber", idNumber, "name", "日志秘密甲", "relation", "HEAD", "employment", "RETIRED"),
                                   Map.of("idNumber", otherId, "name", "日志秘密乙", "relation", "CHILD",
                                          "employment", "UNEMPLOYED"))))).status()).isEqualTo(201);
        registrar().post("/api/households", json(Map.of(
                "householdId", Codes.id("LOG"), "communityCode", community, "monthlyIncome", 1200, "migrant", false,
                "members", List.of(Map.of("idNumber", idNumber, "name", "日志秘密甲", "relation", "HEAD", "employment", "RETIRED")))));
        registrar().post("/api/households", json(Map.of(
                "householdId", Codes.id("LOG"), "communityCode", community, "monthlyIncome", 1200, "migrant", false,
                "members", List.of(Map.of("idNumber", mistyped, "name", "日志秘密甲", "relation", "HEAD", "employment", "RETIRED")))));
        registrar().put("/api/households/" + household + "/members/" + mistyped, json(Map.of("name", "日志秘密甲")));
        registrar().send("DELETE", "/api/households/" + household + "/members/" + otherId, null);
        assertThat(api.as(TestUsers.MEDIATOR).post("/api/disputes", json(Map.of(
                "disputeId", Codes.id("LOGD"), "communityCode", community, "category", "NEIGHBOUR", "scale", "SMALL",
                "source", "PARTY_APPLICATION", "summary", "纠纷当事人丙与纠纷当事人丁因噪音争执",
                "parties", List.of(Map.of("name", "纠纷当事人丙", "role", "APPLICANT"),
                                   Map.of("name", "纠纷当事人丁", "role", "RESPONDENT")),
                "reportedAt", Instant.now().minusSeconds(60).toString()))).status()).isEqualTo(201);
        api.as(TestUsers.AUDITOR).get("/api/audit/streams/" + household + "/events");
        registrar().get("/api/rosters/low-income.csv?communityCode=" + community);
        assertThat(admin().post("/api/admin/erasure/households/" + household, json(Map.of("reason", "本人申请")))
                          .status()).isEqualTo(200);

        assertThat(log.getAll()).as("the capture works: the erasure is logged by household id")
                                .contains("Erasing the personal data of household " + household);
        for (String secret : secrets) {
            assertThat(log.getAll()).as("the log mentions " + secret).doesNotContain(secret);
        }
    }
}
