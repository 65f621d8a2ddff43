package org.jinlin.kernel.division;

/** One administrative division: the province, a city-level unit (设区市 or 平潭) or a county (县/区/县级市). */
public record Division(String code, Level level, String nameZh, String nameEn, String parentCode) {

    public enum Level { PROVINCE, CITY, COUNTY }

    /** "龙岩市 Longyan", as shown beside a code. */
    public String label() {
        return nameZh + " " + nameEn;
    }
}
