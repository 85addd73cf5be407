package org.hostarea.billing.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.hostarea.billing.GatewayInfo;
import org.hostarea.billing.spi.PaymentGateway;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The payment gateway plugins installed now, by id; they come and go at run time. */
@Component(service = Gateways.class)
public class Gateways {

    private final Map<String, PaymentGateway> byId = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void add(PaymentGateway gateway) {
        byId.put(gateway.id(), gateway);
    }

    void remove(PaymentGateway gateway) {
        byId.remove(gateway.id(), gateway);
    }

    /** Installed, enabled or not (callbacks and reconciliation reach a disabled gateway). */
    Optional<PaymentGateway> get(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    /** Installed and enabled: what customers may start payments through. */
    Optional<PaymentGateway> usable(String id) {
        return get(id).filter(PaymentGateway::enabled);
    }

    List<GatewayInfo> list() {
        return byId.values().stream().filter(PaymentGateway::enabled).map(g -> new GatewayInfo(g.id(), g.displayName(), g.currencies()))
                .sorted(Comparator.comparing(GatewayInfo::id)).toList();
    }
}
