package org.jinlin.app.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import org.jinlin.kernel.privacy.DataSubject;
import org.jinlin.kernel.privacy.PersonalData;
import org.jinlin.kernel.privacy.PersonalDataCipher;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Teaches the event serializer about personal data: a {@link PersonalData} text is written encrypted with the
 * key of the nearest enclosing {@link DataSubject}, and every encrypted text is decrypted when read (to the
 * erased placeholder once the key is gone). Registered on the event serializer only, so events are stored
 * encrypted while the API, commands and queries carry plain values.
 */
public final class PersonalDataModule extends SimpleModule {

    private static final Map<Class<?>, RecordComponent> SUBJECTS = new ConcurrentHashMap<>();

    public PersonalDataModule(PersonalDataCipher cipher) {
        super("jinlin-personal-data");
        setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription description,
                                                             List<BeanPropertyWriter> writers) {
                List<BeanPropertyWriter> changed = new ArrayList<>(writers.size());
                for (BeanPropertyWriter writer : writers) {
                    boolean personal = writer.getAnnotation(PersonalData.class) != null
                                       && writer.getType().hasRawClass(String.class);
                    changed.add(personal ? new Encrypting(writer, cipher) : writer);
                }
                return changed;
            }
        });
        addDeserializer(String.class, new Decrypting(cipher));
    }

    /** Writes a personal text encrypted with the key of the event's data subject. */
    private static final class Encrypting extends BeanPropertyWriter {

        private final transient PersonalDataCipher cipher;

        Encrypting(BeanPropertyWriter base, PersonalDataCipher cipher) {
            super(base);
            this.cipher = cipher;
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
            Object value = get(bean);
            if (!(value instanceof String text) || PersonalDataCipher.isEnvelope(text)) {
                super.serializeAsField(bean, gen, prov);
                return;
            }
            String subject = subjectOf(bean, gen.getOutputContext());
            if (subject == null) {
                throw new IllegalStateException(bean.getClass().getSimpleName() + "." + getName()
                                                + " is personal data, but no enclosing event names its @DataSubject");
            }
            gen.writeFieldName(getName());
            gen.writeString(cipher.encrypt(subject, text));
        }
    }

    /** Reads any text; an encrypted one comes back decrypted (or as the erased placeholder). */
    private static final class Decrypting extends StdScalarDeserializer<String> {

        private final transient PersonalDataCipher cipher;

        Decrypting(PersonalDataCipher cipher) {
            super(String.class);
            this.cipher = cipher;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = StringDeserializer.instance.deserialize(parser, context);
            return PersonalDataCipher.isEnvelope(text) ? cipher.decrypt(text) : text;
        }
    }

    /** The subject of the innermost object being written that has a {@link DataSubject}, walking outwards. */
    private static String subjectOf(Object bean, JsonStreamContext context) {
        Object subject = subjectValue(bean);
        for (JsonStreamContext level = context; subject == null && level != null; level = level.getParent()) {
            Object current = level.getCurrentValue();
            if (current != null && current != bean) {
                subject = subjectValue(current);
            }
        }
        return subject == null ? null : subject.toString();
    }

    private static Object subjectValue(Object candidate) {
        Class<?> type = candidate.getClass();
        if (!type.isRecord()) {
            return null;
        }
        RecordComponent component = SUBJECTS.computeIfAbsent(type, PersonalDataModule::findSubject);
        if (component == NONE) {
            return null;
        }
        try {
            return component.getAccessor().invoke(candidate);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final RecordComponent NONE = NoSubject.class.getRecordComponents()[0];

    private record NoSubject(Object none) {
    }

    private static RecordComponent findSubject(Class<?> type) {
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.isAnnotationPresent(DataSubject.class)) {
                return component;
            }
        }
        return NONE;
    }
}
