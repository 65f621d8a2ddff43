package org.jinlin.kernel.policy;

/** Whether the city extends the disability living allowance to low-income households. */
public record DisabilityAllowanceExtensionSet(String cityCode, boolean extended) {
}
