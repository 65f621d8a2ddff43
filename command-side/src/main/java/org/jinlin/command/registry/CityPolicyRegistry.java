package org.jinlin.command.registry;

import org.jinlin.kernel.policy.PolicyInForce;

import java.time.LocalDate;
import java.util.Optional;

/** The command side's own answer to "which hardship policy applies in this city on this date?". */
public interface CityPolicyRegistry {

    Optional<PolicyInForce> policyInForce(String cityCode, LocalDate on);

    boolean exists(String cityCode);
}
