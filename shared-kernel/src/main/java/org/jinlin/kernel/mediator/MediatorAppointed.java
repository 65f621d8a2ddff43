package org.jinlin.kernel.mediator;

/** A mediator was appointed to serve a community (配备). */
public record MediatorAppointed(String mediatorId, String communityCode) {
}
