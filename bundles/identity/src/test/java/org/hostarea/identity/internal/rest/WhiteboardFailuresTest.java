package org.hostarea.identity.internal.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;

import org.hostarea.core.rest.HostareaApi;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.DTOConstants;
import org.osgi.service.jaxrs.runtime.dto.ExtensionDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedExtensionDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;

class WhiteboardFailuresTest {

    @Test
    void onlyTheHostareaApplicationsServicesCountAndOnlyGivenUpOnesAreStuck() {
        RuntimeDTO dto = new RuntimeDTO();
        dto.applicationDTOs = new ApplicationDTO[0];
        dto.failedApplicationDTOs = new FailedApplicationDTO[] {application("hostarea", 1, DTOConstants.FAILURE_REASON_UNKNOWN),
                application("other", 2, DTOConstants.FAILURE_REASON_UNKNOWN)};
        dto.failedResourceDTOs = new FailedResourceDTO[] {resource(10, DTOConstants.FAILURE_REASON_SERVICE_NOT_GETTABLE),
                resource(11, DTOConstants.FAILURE_REASON_REQUIRED_EXTENSIONS_UNAVAILABLE), resource(12, DTOConstants.FAILURE_REASON_SERVICE_NOT_GETTABLE),
                resource(13, DTOConstants.FAILURE_REASON_UNKNOWN)};
        dto.failedExtensionDTOs = new FailedExtensionDTO[] {extension(20, DTOConstants.FAILURE_REASON_UNKNOWN)};
        Map<Long, ServiceReference<?>> services = Map.of(
                1L, reference(Map.of("component.name", "org.hostarea.core.internal.HostareaApplication")),
                10L, reference(Map.of("osgi.jaxrs.application.select", HostareaApi.SELECT, "component.name", "a.Health")),
                11L, reference(Map.of("osgi.jaxrs.application.select", HostareaApi.SELECT)),
                12L, reference(Map.of("osgi.jaxrs.application.select", "(osgi.jaxrs.name=somebody-else)")),
                20L, reference(Map.of("osgi.jaxrs.application.select", HostareaApi.SELECT, "component.name", "a.Guard")));
        // 13 is gone from the registry already
        ApplicationDTO deployed = new ApplicationDTO();
        deployed.name = "hostarea";
        deployed.serviceId = 40;
        ResourceDTO served = new ResourceDTO();
        served.serviceId = 41;
        deployed.resourceDTOs = new ResourceDTO[] {served};
        deployed.extensionDTOs = new ExtensionDTO[0];
        dto.applicationDTOs = new ApplicationDTO[] {deployed};
        // registered now: a served resource, a failed one, and one the whiteboard does not know at all
        List<ServiceReference<?>> registered = List.of(
                reference(Map.of("service.id", 41L, "osgi.jaxrs.resource", "true", "osgi.jaxrs.application.select", HostareaApi.SELECT)),
                reference(Map.of("service.id", 10L, "osgi.jaxrs.resource", "true", "osgi.jaxrs.application.select", HostareaApi.SELECT)),
                reference(Map.of("service.id", 30L, "osgi.jaxrs.resource", "true", "osgi.jaxrs.application.select", HostareaApi.SELECT,
                        "component.name", "a.Lost")));

        List<WhiteboardFailures.Failure> failures = WhiteboardFailures.of(dto, services::get, registered);

        assertEquals(List.of("application org.hostarea.core.internal.HostareaApplication (service 1)", "resource a.Health (service 10)",
                "resource .generated.11 (service 11)", "extension a.Guard (service 20)", "resource a.Lost (service 30)"),
                failures.stream().map(f -> f.describe().substring(0, f.describe().indexOf(" is not served"))).toList());
        assertEquals(List.of(true, true, false, true, true), failures.stream().map(WhiteboardFailures.Failure::stuck).toList());
        assertEquals(WhiteboardFailures.UNTRACKED, failures.get(4).reason());
        assertTrue(failures.get(1).describe().endsWith("its service object could not be got (its component failed to activate)"),
                failures.get(1).describe());
        assertFalse(failures.get(2).stuck());
    }

    private static FailedApplicationDTO application(String name, long serviceId, int reason) {
        FailedApplicationDTO dto = new FailedApplicationDTO();
        dto.name = name;
        dto.serviceId = serviceId;
        dto.failureReason = reason;
        return dto;
    }

    private static FailedResourceDTO resource(long serviceId, int reason) {
        FailedResourceDTO dto = new FailedResourceDTO();
        dto.name = ".generated." + serviceId;
        dto.serviceId = serviceId;
        dto.failureReason = reason;
        return dto;
    }

    private static FailedExtensionDTO extension(long serviceId, int reason) {
        FailedExtensionDTO dto = new FailedExtensionDTO();
        dto.name = ".generated." + serviceId;
        dto.serviceId = serviceId;
        dto.failureReason = reason;
        return dto;
    }

    private static ServiceReference<?> reference(Map<String, Object> properties) {
        return (ServiceReference<?>) Proxy.newProxyInstance(WhiteboardFailuresTest.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getProperty")) {
                        return properties.get((String) args[0]);
                    }
                    if (method.getName().equals("getBundle")) {
                        return Proxy.newProxyInstance(WhiteboardFailuresTest.class.getClassLoader(), new Class<?>[] {Bundle.class},
                                (bundle, m, a) -> {
                                    throw new UnsupportedOperationException(m.getName());
                                });
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
