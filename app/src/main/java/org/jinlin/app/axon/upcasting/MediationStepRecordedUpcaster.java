package org.jinlin.app.axon.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.jinlin.kernel.dispute.MediationStepRecorded;
import org.jinlin.kernel.dispute.StepKind;
import org.jinlin.kernel.dispute.Venue;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Reads a mediation step stored before steps had a duration, a venue and a place (revision 1, stored without a
 * revision) as revision 2: no duration and no place ("not recorded"), and the venue the kind of step implies
 * ({@link Venue#impliedBy}: a home visit at the party's home, a call by phone, otherwise not recorded). The stored
 * bytes stay as they were, so the events' hash chain still verifies; only what is read is the current shape.
 */
@Component
@Order(0)
public class MediationStepRecordedUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 =
            new SimpleSerializedType(MediationStepRecorded.class.getName(), null);
    static final SimpleSerializedType REVISION_2 =
            new SimpleSerializedType(MediationStepRecorded.class.getName(), MediationStepRecorded.REVISION);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return REVISION_1.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode step = (ObjectNode) payload;
            if (!step.has("durationMinutes")) {
                step.putNull("durationMinutes");
            }
            if (!step.has("place")) {
                step.putNull("place");
            }
            if (!step.hasNonNull("venue")) {
                step.put("venue", Venue.impliedBy(StepKind.valueOf(step.path("kind").asText())).name());
            }
            return step;
        });
    }
}
