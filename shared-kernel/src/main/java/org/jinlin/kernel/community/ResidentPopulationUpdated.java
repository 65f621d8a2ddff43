package org.jinlin.kernel.community;

/** The community's resident population (常住人口) was updated. */
public record ResidentPopulationUpdated(String code, int residentPopulation) {
}
