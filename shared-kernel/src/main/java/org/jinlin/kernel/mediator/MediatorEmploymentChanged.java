package org.jinlin.kernel.mediator;

/** A mediator moved between full-time and part-time employment. */
public record MediatorEmploymentChanged(String mediatorId, MediatorEmployment employment) {
}
