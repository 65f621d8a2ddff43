package org.jinlin.kernel.roster;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * 低收入人口名册 (read model 1): every member who has a member category or whose household has a household
 * category, with both lists, by city, county and community; a summary of households and persons per category and
 * unit; and each household's current facts and categories.
 */
public final class RosterQueries {

    private RosterQueries() {
    }

    /** Filters are optional; {@code category} is a household or a member category. */
    public record FindLowIncomeRoster(String cityCode, String countyCode, String communityCode, String category,
                                      int page, int size, Instant asOf) {
    }

    public record RosterEntry(String householdId, String idNumber, String name, int age, String sex,
                              String communityCode, String countyCode, String cityCode,
                              List<String> householdCategories, List<String> memberCategories) {
    }

    public record RosterPage(List<RosterEntry> items, int page, int size, long total) {
    }

    /** groupBy: city, county or community. */
    public record FindRosterSummary(String groupBy, Instant asOf) {
    }

    /**
     * @param byCategory           persons per category (members with a member category; all members of a
     *                             household with a household category)
     * @param householdsByCategory households per category
     */
    public record RosterSummary(String unit, String unitName, long households, long persons,
                                Map<String, Long> byCategory, Map<String, Long> householdsByCategory) {
    }

    public record FindHousehold(String householdId, Instant asOf) {
    }

    public record HouseholdView(String householdId, boolean active, String communityCode, String compoundId,
                                String countyCode, String cityCode, BigDecimal monthlyIncome, boolean migrant,
                                List<String> householdCategories, List<MemberView> members, List<String> reasons,
                                String policyVersion, LocalDate assessedOn, int carePartners, int assistanceRecords,
                                long version) {
    }

    public record MemberView(int memberNo, String idNumber, String name, LocalDate birthDate, String sex, int age,
                             String relation, List<String> memberCategories) {
    }
}
