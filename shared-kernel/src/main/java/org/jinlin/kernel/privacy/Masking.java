package org.jinlin.kernel.privacy;

/**
 * How personal data looks to those who may count people but not know them (policy analysts): the family name and
 * stars (张三 → 张*), and an id-card number with its middle ten characters hidden (3508**********123X).
 */
public final class Masking {

    private Masking() {
    }

    public static String name(String name) {
        if (name == null || name.isEmpty() || Erased.isErased(name)) {
            return name;
        }
        int first = name.codePointAt(0);
        int length = name.codePointCount(0, name.length());
        return new String(Character.toChars(first)) + "*".repeat(Math.max(1, length - 1));
    }

    public static String idNumber(String idNumber) {
        if (idNumber == null || idNumber.length() < 8 || Erased.isErased(idNumber)) {
            return idNumber;
        }
        return idNumber.substring(0, 4) + "*".repeat(idNumber.length() - 8) + idNumber.substring(idNumber.length() - 4);
    }
}
