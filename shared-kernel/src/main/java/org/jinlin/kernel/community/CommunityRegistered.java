package org.jinlin.kernel.community;

/** A community (社区/村) was registered under its division code. */
public record CommunityRegistered(String code, String name, CommunityKind kind, String townshipName, int residentPopulation) {
}
