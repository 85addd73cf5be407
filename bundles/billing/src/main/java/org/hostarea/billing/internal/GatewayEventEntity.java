package org.hostarea.billing.internal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A provider notification already taken: its id ({@code gateway:eventId}) is the key that makes a repeat a no-op. */
@Entity
@Table(name = "HA_GATEWAY_EVENT")
public class GatewayEventEntity {

    @Id
    @Column(name = "ID", length = 250)
    private String id;

    @Column(name = "PAYMENT_ID", length = 36, nullable = false)
    private String paymentId;

    @Column(name = "OUTCOME", length = 16, nullable = false)
    private String outcome;

    @Column(name = "RECEIVED_AT", nullable = false)
    private long receivedAt;

    protected GatewayEventEntity() {
    }

    GatewayEventEntity(String id, String paymentId, String outcome, long receivedAt) {
        this.id = id;
        this.paymentId = paymentId;
        this.outcome = outcome;
        this.receivedAt = receivedAt;
    }
}
