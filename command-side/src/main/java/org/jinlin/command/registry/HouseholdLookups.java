package org.jinlin.command.registry;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jinlin.kernel.division.Divisions;
import org.jinlin.kernel.household.HouseholdDeregistered;
import org.jinlin.kernel.household.HouseholdMoved;
import org.jinlin.kernel.household.HouseholdRegistered;
import org.jinlin.kernel.household.MemberAdded;
import org.jinlin.kernel.household.MemberRemoved;
import org.jinlin.kernel.policy.DibaoStandardSet;
import org.jinlin.kernel.policy.DisabilityAllowanceExtensionSet;
import org.jinlin.kernel.policy.LowIncomeMultiplierSet;
import org.jinlin.kernel.policy.PolicyInForce;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Set-based facts of households and city policies, kept in the command's own transaction (processing group
 * {@value CommandSideLookups#PROCESSING_GROUP}, a subscribing processor; see CommandSideConfiguration).
 */
@Component
@ProcessingGroup(CommandSideLookups.PROCESSING_GROUP)
public class HouseholdLookups implements CityPolicyRegistry, PersonRegistry, HouseholdRegistry {

    private final JdbcTemplate jdbc;

    public HouseholdLookups(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DibaoStandardSet event) {
        jdbc.update("delete from lookup_dibao_standard where city_code = ? and effective_from = ?", event.cityCode(),
                    Date.valueOf(event.effectiveFrom()));
        jdbc.update("insert into lookup_dibao_standard (city_code, effective_from, amount) values (?, ?, ?)",
                    event.cityCode(), Date.valueOf(event.effectiveFrom()), event.monthlyAmountPerPerson());
        ensurePolicyRow(event.cityCode());
    }

    @EventHandler
    void on(LowIncomeMultiplierSet event) {
        ensurePolicyRow(event.cityCode());
        jdbc.update("update lookup_city_policy set low_income_multiplier = ? where city_code = ?", event.multiplier(),
                    event.cityCode());
    }

    @EventHandler
    void on(DisabilityAllowanceExtensionSet event) {
        ensurePolicyRow(event.cityCode());
        jdbc.update("update lookup_city_policy set disability_allowance_extended = ? where city_code = ?",
                    event.extended(), event.cityCode());
    }

    @EventHandler
    void on(HouseholdRegistered event) {
        jdbc.update("insert into lookup_household (household_id, city_code) values (?, ?)", event.householdId(),
                    Divisions.cityOf(event.communityCode()));
    }

    @EventHandler
    void on(HouseholdMoved event) {
        jdbc.update("update lookup_household set city_code = ? where household_id = ?",
                    Divisions.cityOf(event.communityCode()), event.householdId());
    }

    @EventHandler
    void on(MemberAdded event) {
        jdbc.update("insert into lookup_person (household_id, member_no, id_number) values (?, ?, ?)",
                    event.householdId(), event.member().memberNo(), event.member().idNumber());
    }

    @EventHandler
    void on(MemberRemoved event) {
        jdbc.update("delete from lookup_person where household_id = ? and member_no = ?", event.householdId(),
                    event.memberNo());
    }

    @EventHandler
    void on(HouseholdDeregistered event) {
        jdbc.update("delete from lookup_person where household_id = ?", event.householdId());
        jdbc.update("delete from lookup_household where household_id = ?", event.householdId());
    }

    @Override
    public Optional<PolicyInForce> policyInForce(String cityCode, LocalDate on) {
        return jdbc.query("""
                          select s.amount, s.effective_from, p.low_income_multiplier, p.disability_allowance_extended
                          from lookup_dibao_standard s join lookup_city_policy p on p.city_code = s.city_code
                          where s.city_code = ? and s.effective_from <= ?
                          order by s.effective_from desc""",
                          (rs, n) -> new PolicyInForce(cityCode, rs.getBigDecimal(1), rs.getDate(2).toLocalDate(),
                                                       rs.getBigDecimal(3), rs.getBoolean(4)),
                          cityCode, Date.valueOf(on)).stream().findFirst();
    }

    @Override
    public boolean exists(String cityCode) {
        Integer count = jdbc.queryForObject("select count(*) from lookup_city_policy where city_code = ?",
                                            Integer.class, cityCode);
        return count != null && count > 0;
    }

    @Override
    public Optional<String> householdOf(String idNumber) {
        return jdbc.queryForList("select household_id from lookup_person where id_number = ?", String.class, idNumber)
                   .stream().findFirst();
    }

    @Override
    public List<String> activeHouseholdsIn(String cityCode) {
        return jdbc.queryForList("select household_id from lookup_household where city_code = ? order by household_id",
                                 String.class, cityCode);
    }

    @Override
    public List<String> activeHouseholds() {
        return jdbc.queryForList("select household_id from lookup_household order by household_id", String.class);
    }

    private void ensurePolicyRow(String cityCode) {
        if (!exists(cityCode)) {
            jdbc.update("insert into lookup_city_policy (city_code, low_income_multiplier, disability_allowance_extended)"
                        + " values (?, ?, false)", cityCode, PolicyInForce.DEFAULT_MULTIPLIER);
        }
    }

}
