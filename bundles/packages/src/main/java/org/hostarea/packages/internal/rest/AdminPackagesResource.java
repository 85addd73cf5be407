package org.hostarea.packages.internal.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;
import org.hostarea.core.ValidationException;
import org.hostarea.core.access.Callers;
import org.hostarea.core.access.StaffRole;
import org.hostarea.core.access.StaffRoute;
import org.hostarea.core.rest.HostareaApi;
import org.hostarea.core.rest.QueryParams;
import org.hostarea.packages.Certificate;
import org.hostarea.packages.CustomerPackage;
import org.hostarea.packages.Domain;
import org.hostarea.packages.NewPackage;
import org.hostarea.packages.PackageEvent;
import org.hostarea.packages.PackageService;
import org.hostarea.packages.PackageStatus;
import org.hostarea.packages.SuspendReason;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Staff manage packages: {@code /api/v1/admin/packages}. Every staff member reads; SUPPORT (and ADMIN)
 * create, suspend, unsuspend, terminate, record usage and provision.
 */
@Component(service = AdminPackagesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@Path("v1/admin/packages")
@Produces(MediaType.APPLICATION_JSON)
public class AdminPackagesResource {

    private final PackageService packages;

    @Activate
    public AdminPackagesResource(@Reference PackageService packages) {
        this.packages = packages;
    }

    /** {@code ?accountId=&status=&page=&size=}. */
    @GET
    @StaffRoute
    public Page<CustomerPackage> search(@QueryParam("accountId") String accountId, @QueryParam("status") String status,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        return packages.search(accountId == null || accountId.isBlank() ? null : accountId,
                QueryParams.optionalEnum(PackageStatus.class, "status", status), PageRequest.parse(page, size));
    }

    /**
     * {@code {"accountId","planCode","billingCycle","currency","startDate"?,"label"?,"domains"?,"domainExpiresOn"?,
     * "pending"?}} → 201.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @StaffRoute(StaffRole.SUPPORT)
    public Response create(NewPackage request, @Context SecurityContext security, @Context UriInfo uri) {
        CustomerPackage created = packages.create(request, actor(security));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @GET
    @Path("{id}")
    @StaffRoute
    public CustomerPackage one(@PathParam("id") String id) {
        return packages.get(id);
    }

    @GET
    @Path("{id}/events")
    @StaffRoute
    public List<PackageEvent> events(@PathParam("id") String id) {
        return packages.events(id);
    }

    @POST
    @Path("{id}/activate")
    @StaffRoute(StaffRole.SUPPORT)
    public CustomerPackage activate(@PathParam("id") String id, @Context SecurityContext security) {
        return packages.activate(id, actor(security));
    }

    /** {@code {"reason": "ABUSE" | "OTHER" | "OVERDUE" | "QUOTA", "comment"?}}. */
    @POST
    @Path("{id}/suspend")
    @Consumes(MediaType.APPLICATION_JSON)
    @StaffRoute(StaffRole.SUPPORT)
    public CustomerPackage suspend(@PathParam("id") String id, Suspension request, @Context SecurityContext security) {
        Suspension body = ValidationException.requireBody(request);
        return packages.suspend(id, body.reason(), body.comment(), actor(security));
    }

    /** {@code POST .../suspend}; {@code reason} alone for {@code .../unsuspend} (none: every reason). */
    public record Suspension(SuspendReason reason, String comment) {
    }

    @POST
    @Path("{id}/unsuspend")
    @Consumes(MediaType.APPLICATION_JSON)
    @StaffRoute(StaffRole.SUPPORT)
    public CustomerPackage unsuspend(@PathParam("id") String id, Suspension request, @Context SecurityContext security) {
        Suspension body = ValidationException.requireBody(request);
        return packages.unsuspend(id, body.reason(), actor(security));
    }

    @POST
    @Path("{id}/terminate")
    @StaffRoute(StaffRole.SUPPORT)
    public CustomerPackage terminate(@PathParam("id") String id, @Context SecurityContext security) {
        return packages.terminate(id, actor(security));
    }

    /** {@code {"diskMb": 1200, "mailboxes": 3}}: the current usage of the resources given; applies the quota rule. */
    @PUT
    @Path("{id}/usage")
    @Consumes(MediaType.APPLICATION_JSON)
    @StaffRoute(StaffRole.SUPPORT)
    public CustomerPackage recordUsage(@PathParam("id") String id, Map<String, Long> usage, @Context SecurityContext security) {
        return packages.recordUsage(id, usage, actor(security));
    }

    /** {@code {"dedicatedIps"?: [...], "certificates"?: [{"name","expiresOn"}]}}: replaces what is given. */
    @PUT
    @Path("{id}/provisioning")
    @Consumes(MediaType.APPLICATION_JSON)
    @StaffRoute(StaffRole.SUPPORT)
    public CustomerPackage provision(@PathParam("id") String id, Provisioning request, @Context SecurityContext security) {
        Provisioning body = ValidationException.requireBody(request);
        return packages.provision(id, body.dedicatedIps(), body.certificates(), actor(security));
    }

    /** {@code PUT .../provisioning}. */
    public record Provisioning(List<String> dedicatedIps, List<Certificate> certificates) {
    }

    /** {@code {"name", "expiresOn"?}}: adds a domain to the package → 201. */
    @POST
    @Path("{id}/domains")
    @Consumes(MediaType.APPLICATION_JSON)
    @StaffRoute(StaffRole.SUPPORT)
    public Response addDomain(@PathParam("id") String id, StaffDomain request, @Context SecurityContext security,
            @Context UriInfo uri) {
        StaffDomain body = ValidationException.requireBody(request);
        Domain domain = packages.addDomain(null, id, body.name(), body.expiresOn(), actor(security));
        return Response.created(uri.getAbsolutePathBuilder().path(domain.id()).build()).entity(domain).build();
    }

    /** {@code POST .../domains}. */
    public record StaffDomain(String name, LocalDate expiresOn) {
    }

    private static String actor(SecurityContext security) {
        return Callers.subject(security).actor();
    }
}
