package org.jinlin.kernel.privacy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a text field of an event (or of a record inside one) that holds personal data: a name, an id-card
 * number, a phone number, a note that may name people. It is stored encrypted with the key of its
 * {@link DataSubject}; erasing that key makes it unreadable everywhere while the event itself stays unchanged
 * (个人信息保护法: crypto-shredding).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface PersonalData {
}
