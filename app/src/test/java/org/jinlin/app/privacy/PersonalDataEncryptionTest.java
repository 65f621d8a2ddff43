package org.jinlin.app.privacy;

import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.jinlin.kernel.privacy.DataSubject;
import org.jinlin.kernel.privacy.Erased;
import org.jinlin.kernel.privacy.PersonalData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.jinlin.app.support.ApiTest;
import org.jinlin.app.support.Codes;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal data in events is stored encrypted per data subject and read back in plain text, until the subject's
 * key is erased: then it reads as the erased placeholder, for that subject only, while everything else in the
 * event stays readable.
 */
class PersonalDataEncryptionTest extends ApiTest {

    record Person(@PersonalData String idNumber, @PersonalData String name, String relation) {
    }

    record PeopleRegistered(@DataSubject String householdId, List<Person> members, @PersonalData String note,
                            int monthlyIncome) {
    }

    @Autowired
    @Qualifier("eventSerializer")
    Serializer events;
    @Autowired
    PersonalDataKeys keys;
    @Autowired
    JdbcTemplate jdbc;

    private final String household = Codes.id("H");
    private final PeopleRegistered registered = new PeopleRegistered(
            household, List.of(new Person("35080219800101123X", "张三", "HEAD"), new Person("350802198202021234", "李四", "SPOUSE")),
            "张三常去李四家", 1800);

    @Test
    void personalDataIsStoredEncryptedAndReadBackInPlainText() {
        SerializedObject<byte[]> stored = events.serialize(registered, byte[].class);
        String json = new String(stored.getData(), StandardCharsets.UTF_8);

        assertThat(json).doesNotContain("张三", "李四", "35080219800101123X", "350802198202021234")
                        .contains("\"relation\":\"HEAD\"", "\"monthlyIncome\":1800", "\"householdId\":\"" + household + "\"", "enc:v1:");
        assertThat((PeopleRegistered) events.deserialize(stored)).isEqualTo(registered);
    }

    @Test
    void erasingTheSubjectsKeyLeavesAPlaceholderForThatSubjectOnly() {
        SerializedObject<byte[]> first = events.serialize(registered, byte[].class);
        PeopleRegistered other = new PeopleRegistered(Codes.id("H"), List.of(new Person("350802199001011236", "王五", "HEAD")),
                                                      null, 900);
        SerializedObject<byte[]> second = events.serialize(other, byte[].class);

        keys.erase(household, "申请人要求删除 the person asked to be forgotten");

        PeopleRegistered erased = (PeopleRegistered) events.deserialize(first);
        assertThat(erased.members()).extracting(Person::name).containsOnly(Erased.PLACEHOLDER);
        assertThat(erased.members()).extracting(Person::idNumber).containsOnly(Erased.PLACEHOLDER);
        assertThat(erased.members()).extracting(Person::relation).containsExactly("HEAD", "SPOUSE");
        assertThat(erased.note()).isEqualTo(Erased.PLACEHOLDER);
        assertThat(erased.monthlyIncome()).isEqualTo(1800);
        assertThat((PeopleRegistered) events.deserialize(second)).isEqualTo(other);

        String newJson = new String(events.serialize(registered, byte[].class).getData(), StandardCharsets.UTF_8);
        assertThat(newJson).as("nothing personal is stored for an erased subject any more")
                           .doesNotContain("张三", "enc:v1:").contains(Erased.PLACEHOLDER);
        assertThat(jdbc.queryForObject("select count(*) from personal_data_key where subject_id = ? "
                                       + "and key_material is null and erased_at is not null", Integer.class, household)).isEqualTo(1);
    }

    @Test
    void keysAreKeptInTheirOwnTable() {
        String subject = Codes.id("H");
        events.serialize(new PeopleRegistered(subject, List.of(), "x", 1), byte[].class);
        assertThat(jdbc.queryForObject("select count(*) from personal_data_key where subject_id = ? "
                                       + "and key_material is not null", Integer.class, subject)).isEqualTo(1);
    }
}
