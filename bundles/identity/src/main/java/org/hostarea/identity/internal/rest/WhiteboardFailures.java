package org.hostarea.identity.internal.rest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

import org.hostarea.core.rest.HostareaApi;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentConstants;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.DTOConstants;
import org.osgi.service.jaxrs.runtime.dto.ExtensionDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedExtensionDTO;
import org.osgi.service.jaxrs.runtime.dto.FailedResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.runtime.dto.RuntimeDTO;
import org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants;

/**
 * The services of the Hostarea application that the JAX-RS whiteboard does not serve: the application itself, and every
 * resource and extension that selects it, as the whiteboard's failed DTOs name them, and those registered services it
 * does not know at all (Aries JAX-RS 2.0.2 on component-dsl 1.2.2 can lose a service registered while another thread
 * changes its trackers: a ConcurrentModificationException in the registering thread, logged by the framework).
 */
final class WhiteboardFailures {

    /** The failure "reason" of a registered service the whiteboard does not know at all. */
    static final int UNTRACKED = -1;

    /** The whiteboard services (resources, extensions, applications) a filter can find; narrowed in Java. */
    private static final String WHITEBOARD_SERVICES = "(|(" + JaxrsWhiteboardConstants.JAX_RS_RESOURCE + "=true)("
            + JaxrsWhiteboardConstants.JAX_RS_EXTENSION + "=true)(" + JaxrsWhiteboardConstants.JAX_RS_NAME + "=" + HostareaApi.NAME + "))";

    /** One service the whiteboard does not serve, and why (a {@link DTOConstants} failure reason). */
    record Failure(String kind, long serviceId, String name, int reason) {

        /**
         * The whiteboard gave up on it for good: it threw while being added, its service object could not be got, or
         * the whiteboard lost it. Aries JAX-RS 2.0.2 does not try such a service again until it is registered anew;
         * every other reason is a state the whiteboard leaves by itself (a required extension or the application
         * arrives).
         */
        boolean stuck() {
            return reason == DTOConstants.FAILURE_REASON_UNKNOWN || reason == DTOConstants.FAILURE_REASON_SERVICE_NOT_GETTABLE
                    || reason == UNTRACKED;
        }

        String describe() {
            return kind + " " + name + " (service " + serviceId + ") is not served: " + reasonText(reason);
        }
    }

    private WhiteboardFailures() {
    }

    /**
     * The failures of Hostarea's services in {@code dto}; {@code references} finds a service by id (null once it is
     * gone); {@code registered} are the whiteboard services of Hostarea registered ({@link #registered}), read before
     * {@code dto}.
     */
    static List<Failure> of(RuntimeDTO dto, LongFunction<ServiceReference<?>> references, Collection<ServiceReference<?>> registered) {
        List<Failure> failures = new ArrayList<>();
        for (FailedApplicationDTO application : dto.failedApplicationDTOs) {
            if (HostareaApi.NAME.equals(application.name)) {
                failures.add(new Failure("application", application.serviceId, name(references.apply(application.serviceId), application.name),
                        application.failureReason));
            }
        }
        for (FailedResourceDTO resource : dto.failedResourceDTOs) {
            ServiceReference<?> reference = references.apply(resource.serviceId);
            if (selectsHostarea(reference)) {
                failures.add(new Failure("resource", resource.serviceId, name(reference, resource.name), resource.failureReason));
            }
        }
        for (FailedExtensionDTO extension : dto.failedExtensionDTOs) {
            ServiceReference<?> reference = references.apply(extension.serviceId);
            if (selectsHostarea(reference)) {
                failures.add(new Failure("extension", extension.serviceId, name(reference, extension.name), extension.failureReason));
            }
        }
        Set<Long> known = known(dto);
        for (ServiceReference<?> reference : registered) {
            long serviceId = (Long) reference.getProperty(Constants.SERVICE_ID);
            // (read before the DTO: a service unregistered since then has no bundle any more)
            if (!known.contains(serviceId) && reference.getBundle() != null) {
                failures.add(new Failure(kind(reference), serviceId, name(reference, "service " + serviceId), UNTRACKED));
            }
        }
        return failures;
    }

    /**
     * The whiteboard services of the Hostarea application registered now and meant for {@code runtime} (no
     * {@code osgi.jaxrs.whiteboard.target}, or one that matches it): the application, its resources and extensions.
     */
    static List<ServiceReference<?>> registered(BundleContext context, ServiceReference<?> runtime) {
        try {
            ServiceReference<?>[] references = context.getAllServiceReferences(null, WHITEBOARD_SERVICES);
            List<ServiceReference<?>> ours = new ArrayList<>();
            for (ServiceReference<?> reference : references == null ? new ServiceReference<?>[0] : references) {
                if ((kind(reference).equals("application") ? isApplication(reference) : selectsHostarea(reference))
                        && meantFor(reference, context, runtime)) {
                    ours.add(reference);
                }
            }
            return ours;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean meantFor(ServiceReference<?> reference, BundleContext context, ServiceReference<?> runtime) {
        Object target = reference.getProperty(JaxrsWhiteboardConstants.JAX_RS_WHITEBOARD_TARGET);
        if (target == null) {
            return true;
        }
        try {
            return context.createFilter(target.toString()).match(runtime);
        } catch (InvalidSyntaxException e) {
            return false; // the whiteboard ignores it too
        }
    }

    /** Every service id the whiteboard describes: deployed or failed applications, their resources and extensions. */
    private static Set<Long> known(RuntimeDTO dto) {
        Set<Long> known = new HashSet<>();
        List<ApplicationDTO> applications = new ArrayList<>(List.of(dto.applicationDTOs));
        if (dto.defaultApplication != null) {
            applications.add(dto.defaultApplication);
        }
        for (ApplicationDTO application : applications) {
            known.add(application.serviceId);
            for (ResourceDTO resource : application.resourceDTOs) {
                known.add(resource.serviceId);
            }
            for (ExtensionDTO extension : application.extensionDTOs) {
                known.add(extension.serviceId);
            }
        }
        for (FailedApplicationDTO failed : dto.failedApplicationDTOs) {
            known.add(failed.serviceId);
        }
        for (FailedResourceDTO failed : dto.failedResourceDTOs) {
            known.add(failed.serviceId);
        }
        for (FailedExtensionDTO failed : dto.failedExtensionDTOs) {
            known.add(failed.serviceId);
        }
        return known;
    }

    private static String kind(ServiceReference<?> reference) {
        if (isTrue(reference.getProperty(JaxrsWhiteboardConstants.JAX_RS_RESOURCE))) {
            return "resource";
        }
        return isTrue(reference.getProperty(JaxrsWhiteboardConstants.JAX_RS_EXTENSION)) ? "extension" : "application";
    }

    private static boolean isTrue(Object value) {
        return value != null && Boolean.parseBoolean(value.toString());
    }

    private static boolean isApplication(ServiceReference<?> reference) {
        Object classes = reference.getProperty(Constants.OBJECTCLASS);
        return HostareaApi.NAME.equals(reference.getProperty(JaxrsWhiteboardConstants.JAX_RS_NAME)) && classes instanceof String[] names
                && List.of(names).contains("javax.ws.rs.core.Application");
    }

    /** The service registered under {@code serviceId} (of any bundle, any class), or null once it is gone. */
    static ServiceReference<?> reference(BundleContext context, long serviceId) {
        try {
            ServiceReference<?>[] references = context.getAllServiceReferences(null, "(service.id=" + serviceId + ")");
            return references == null || references.length == 0 ? null : references[0];
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The DS component's name where there is one (the whiteboard's generated names say nothing), else the whiteboard's. */
    private static String name(ServiceReference<?> reference, String whiteboardName) {
        Object component = reference == null ? null : reference.getProperty(ComponentConstants.COMPONENT_NAME);
        return component != null ? component.toString() : whiteboardName;
    }

    private static boolean selectsHostarea(ServiceReference<?> reference) {
        if (reference == null) {
            return false;
        }
        Object select = reference.getProperty(JaxrsWhiteboardConstants.JAX_RS_APPLICATION_SELECT);
        return select != null && HostareaApi.SELECT.equals(select.toString().strip());
    }

    static String reasonText(int reason) {
        return switch (reason) {
            case DTOConstants.FAILURE_REASON_UNKNOWN -> "the whiteboard failed while adding it (its error is in the log)";
            case DTOConstants.FAILURE_REASON_SHADOWED_BY_OTHER_SERVICE -> "shadowed by another service";
            case DTOConstants.FAILURE_REASON_SERVICE_NOT_GETTABLE -> "its service object could not be got (its component failed to activate)";
            case DTOConstants.FAILURE_REASON_VALIDATION_FAILED -> "its whiteboard properties are invalid";
            case DTOConstants.FAILURE_REASON_NOT_AN_EXTENSION_TYPE -> "it is not an extension type";
            case DTOConstants.FAILURE_REASON_REQUIRED_EXTENSIONS_UNAVAILABLE -> "waiting for a required extension";
            case DTOConstants.FAILURE_REASON_DUPLICATE_NAME -> "another service has the same name";
            case DTOConstants.FAILURE_REASON_REQUIRED_APPLICATION_UNAVAILABLE -> "waiting for the application";
            case UNTRACKED -> "the whiteboard does not know it (it failed while the service was registered; its error is in the log)";
            default -> "failure reason " + reason;
        };
    }
}
