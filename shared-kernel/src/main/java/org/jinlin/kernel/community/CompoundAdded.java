package org.jinlin.kernel.community;

/** A residential compound (小区 / 村民小组) was added to a community. */
public record CompoundAdded(String code, String compoundId, String name) {
}
