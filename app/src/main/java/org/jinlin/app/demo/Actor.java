package org.jinlin.app.demo;

import org.jinlin.app.security.Role;

/** Who sends a demo command: the demo registrar and coordinator, or a mediator under their own mediator id. */
record Actor(String username, Role role, String mediatorId) {

    static final String REGISTRAR_USER = "registrar";
    static final String COORDINATOR_USER = "coordinator";
    static final String MEDIATOR_USER = "mediator";

    static final Actor REGISTRAR = new Actor(REGISTRAR_USER, Role.REGISTRAR, null);
    static final Actor COORDINATOR = new Actor(COORDINATOR_USER, Role.COORDINATOR, null);

    /** The demo mediator acts as user {@code mediator}; the others under their mediator id. */
    static Actor mediator(String mediatorId, String demoMediatorId) {
        return new Actor(mediatorId.equals(demoMediatorId) ? MEDIATOR_USER : mediatorId, Role.MEDIATOR, mediatorId);
    }
}
