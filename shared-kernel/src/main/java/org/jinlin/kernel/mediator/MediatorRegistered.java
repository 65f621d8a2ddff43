package org.jinlin.kernel.mediator;

/** A people's mediator (人民调解员) was registered, full-time (专职) or part-time (兼职). */
public record MediatorRegistered(String mediatorId, String name, MediatorEmployment employment) {
}
