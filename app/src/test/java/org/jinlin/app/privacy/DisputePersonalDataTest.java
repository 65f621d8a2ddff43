package org.jinlin.app.privacy;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.jinlin.app.support.ApiTest;
import org.jinlin.app.support.Codes;
import org.jinlin.kernel.dispute.Category;
import org.jinlin.kernel.dispute.DisputeEscalated;
import org.jinlin.kernel.dispute.DisputeReclassified;
import org.jinlin.kernel.dispute.DisputeReferredOut;
import org.jinlin.kernel.dispute.DisputeReopened;
import org.jinlin.kernel.dispute.DisputeReported;
import org.jinlin.kernel.dispute.DisputeResolved;
import org.jinlin.kernel.dispute.DisputeWithdrawn;
import org.jinlin.kernel.dispute.FollowUpRecorded;
import org.jinlin.kernel.dispute.Level;
import org.jinlin.kernel.dispute.MediationStepRecorded;
import org.jinlin.kernel.dispute.Party;
import org.jinlin.kernel.dispute.PartyRole;
import org.jinlin.kernel.dispute.ReferralTarget;
import org.jinlin.kernel.dispute.Scale;
import org.jinlin.kernel.dispute.Source;
import org.jinlin.kernel.dispute.StepKind;
import org.jinlin.kernel.dispute.Venue;
import org.jinlin.kernel.privacy.Erased;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The names and free texts of a dispute case are stored encrypted with the dispute's key, while what the statistics
 * count (community, compound, scale, source, levels, dates) stays readable, also after the key is erased.
 */
class DisputePersonalDataTest extends ApiTest {

    private static final Instant AT = Instant.parse("2024-03-01T02:00:00Z");

    @Autowired
    @Qualifier("eventSerializer")
    Serializer events;
    @Autowired
    PersonalDataKeys keys;

    /** The start of a text encrypted with this subject's key: the subject is written URL-safe Base64. */
    private static String envelopeOf(String subject) {
        return "enc:v1:" + Base64.getUrlEncoder().withoutPadding()
                                 .encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + ":";
    }

    private String stored(Object event) {
        return new String(events.serialize(event, byte[].class).getData(), StandardCharsets.UTF_8);
    }

    @Test
    void aReportedDisputeStoresItsPartiesAndSummaryEncrypted() {
        String id = Codes.id("D");
        DisputeReported reported = new DisputeReported(
                id, "350802001001", "C1", Level.COMPOUND, Category.NEIGHBOUR, Scale.SMALL, Source.PARTY_APPLICATION,
                List.of(new Party("王小明", PartyRole.APPLICANT), new Party("李大华", PartyRole.RESPONDENT)),
                "李大华家楼上漏水，王小明多次协商未果", AT);

        SerializedObject<byte[]> serialized = events.serialize(reported, byte[].class);
        String json = new String(serialized.getData(), StandardCharsets.UTF_8);

        assertThat(json).doesNotContain("王小明", "李大华", "漏水")
                        .contains("\"disputeId\":\"" + id + "\"", "\"communityCode\":\"350802001001\"",
                                  "\"compoundId\":\"C1\"", "\"scale\":\"SMALL\"", "\"source\":\"PARTY_APPLICATION\"",
                                  "\"role\":\"RESPONDENT\"", envelopeOf(id));
        assertThat((DisputeReported) events.deserialize(serialized)).isEqualTo(reported);
    }

    @Test
    void everyNoteReasonAndAgreementOfTheCaseIsEncryptedWithTheDisputesKey() {
        String id = Codes.id("D");
        List<Object> later = List.of(
                new DisputeReclassified(id, Scale.SMALL, Scale.BIG, "张三称涉及三户"),
                new MediationStepRecorded(id, StepKind.HOME_VISIT, "走访张三家", AT, "M-1", Level.COMPOUND,
                                          null, Venue.NOT_RECORDED, null),
                new DisputeEscalated(id, Level.COMPOUND, Level.COMMUNITY, "张三拒绝小区调解", "M-1"),
                new DisputeResolved(id, Level.COMMUNITY, "M-2", "张三赔偿修缮费", AT),
                new FollowUpRecorded(id, "回访张三，未履行", false, AT, "M-2"),
                new DisputeReopened(id, Level.COMMUNITY, "M-2", "张三未按协议赔偿"),
                new DisputeReferredOut(id, Level.COMMUNITY, ReferralTarget.COURT, "张三起诉"),
                new DisputeWithdrawn(id, Level.COMMUNITY, "张三撤回申请"));

        for (Object event : later) {
            String json = stored(event);
            assertThat(json).as(event.getClass().getSimpleName()).doesNotContain("张三").contains(envelopeOf(id));
            Object readBack = events.deserialize(events.serialize(event, byte[].class));
            assertThat(readBack).isEqualTo(event);
        }
        assertThat(stored(later.get(2))).contains("\"fromLevel\":\"COMPOUND\"", "\"toLevel\":\"COMMUNITY\"");
        assertThat(stored(later.get(3))).contains("\"level\":\"COMMUNITY\"", "\"resolvedAt\":");
    }

    @Test
    void erasingTheDisputesKeyLeavesWhatTheStatisticsCountReadable() {
        String id = Codes.id("D");
        SerializedObject<byte[]> reported = events.serialize(new DisputeReported(
                id, "350802001001", null, Level.COMMUNITY, Category.DEBT, Scale.BIG, Source.REFERRED_BY_COURT,
                List.of(new Party("赵某某", PartyRole.APPLICANT)), "欠款纠纷", AT), byte[].class);
        SerializedObject<byte[]> resolved = events.serialize(
                new DisputeResolved(id, Level.COMMUNITY, "M-1", "分期还款", AT.plusSeconds(86_400)), byte[].class);

        keys.erase(id, "当事人要求删除 the parties asked to be forgotten");

        DisputeReported erased = (DisputeReported) events.deserialize(reported);
        assertThat(erased.parties()).extracting(Party::name).containsExactly(Erased.PLACEHOLDER);
        assertThat(erased.summary()).isEqualTo(Erased.PLACEHOLDER);
        assertThat(erased.scale()).isEqualTo(Scale.BIG);
        assertThat(erased.source()).isEqualTo(Source.REFERRED_BY_COURT);
        assertThat(erased.reportedAt()).isEqualTo(AT);
        DisputeResolved resolution = (DisputeResolved) events.deserialize(resolved);
        assertThat(resolution.agreementSummary()).isEqualTo(Erased.PLACEHOLDER);
        assertThat(resolution.level()).isEqualTo(Level.COMMUNITY);
        assertThat(resolution.resolvedAt()).isEqualTo(AT.plusSeconds(86_400));
    }
}
