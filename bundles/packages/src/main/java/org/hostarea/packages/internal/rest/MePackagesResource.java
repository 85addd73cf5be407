package org.hostarea.packages.internal.rest;

import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;
import org.hostarea.core.ValidationException;
import org.hostarea.core.access.AuthorizationService;
import org.hostarea.core.access.Callers;
import org.hostarea.core.access.CustomerRoute;
import org.hostarea.core.access.PackageRoute;
import org.hostarea.core.access.Permission;
import org.hostarea.core.access.Subject;
import org.hostarea.core.rest.HostareaApi;
import org.hostarea.core.rest.QueryParams;
import org.hostarea.identity.ClientInfo;
import org.hostarea.identity.PackagePasswordService;
import org.hostarea.packages.AppInput;
import org.hostarea.packages.CancellationMode;
import org.hostarea.packages.CustomerPackage;
import org.hostarea.packages.Domain;
import org.hostarea.packages.DomainSettings;
import org.hostarea.packages.InstalledApp;
import org.hostarea.packages.PackageService;
import org.hostarea.packages.PackageStatus;
import org.hostarea.packages.PackageTechnical;
import org.hostarea.packages.PlanChange;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * The account's packages, {@code /api/v1/me/packages}. Contract routes ({@code @CustomerRoute}) are for the
 * holder and invited users with the permission; the technical routes ({@code @PackageRoute}: technical view,
 * settings, domains' technical data, apps) also take the package-scoped token of that one package. Every
 * route confirms the package is the caller's before it reads the body: another account's package is 404.
 */
@Component(service = MePackagesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@Path("v1/me/packages")
@Produces(MediaType.APPLICATION_JSON)
public class MePackagesResource {

    private final PackageService packages;
    private final PackagePasswordService passwords;
    private final AuthorizationService authorization;

    @Activate
    public MePackagesResource(@Reference PackageService packages, @Reference PackagePasswordService passwords,
            @Reference AuthorizationService authorization) {
        this.packages = packages;
        this.passwords = passwords;
        this.authorization = authorization;
    }

    /** {@code ?status=&page=&size=}: the account's packages, newest first. */
    @GET
    @CustomerRoute(Permission.PACKAGES_VIEW)
    public Page<CustomerPackage> list(@QueryParam("status") String status, @QueryParam("page") String page,
            @QueryParam("size") String size, @Context SecurityContext security) {
        String account = authorization.requireAccount(Callers.subject(security), Permission.PACKAGES_VIEW);
        return packages.packages(account, QueryParams.optionalEnum(PackageStatus.class, "status", status), PageRequest.parse(page, size));
    }

    @GET
    @Path("{id}")
    @CustomerRoute(Permission.PACKAGES_VIEW)
    public CustomerPackage one(@PathParam("id") String id, @Context SecurityContext security) {
        return packages.get(account(security, id, Permission.PACKAGES_VIEW), id);
    }

    // --- technical routes (also for the package's own token) -------------------------------------------

    @GET
    @Path("{id}/technical")
    @PackageRoute(Permission.PACKAGES_VIEW)
    public PackageTechnical technical(@PathParam("id") String id, @Context SecurityContext security) {
        return packages.technical(packageAccount(security, id, Permission.PACKAGES_VIEW), id);
    }

    @GET
    @Path("{id}/settings")
    @PackageRoute(Permission.PACKAGES_VIEW)
    public Map<String, String> settings(@PathParam("id") String id, @Context SecurityContext security) {
        return packages.technical(packageAccount(security, id, Permission.PACKAGES_VIEW), id).settings();
    }

    /** {@code {"phpVersion": "8.2", ...}}: the keys given change; an empty value restores the default. */
    @PUT
    @Path("{id}/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @PackageRoute(Permission.DOMAINS_MANAGE)
    public Map<String, String> updateSettings(@PathParam("id") String id, Map<String, String> settings,
            @Context SecurityContext security) {
        String account = packageAccount(security, id, Permission.DOMAINS_MANAGE);
        return packages.updateSettings(account, id, settings, Callers.subject(security).actor());
    }

    @GET
    @Path("{id}/domains")
    @PackageRoute(Permission.DOMAINS_VIEW)
    public List<Domain> domains(@PathParam("id") String id, @Context SecurityContext security) {
        return packages.domains(packageAccount(security, id, Permission.DOMAINS_VIEW), id);
    }

    /** {@code {"nameservers": [...], "dnssec": true}}: a field left out stays as it is. */
    @PUT
    @Path("{id}/domains/{domainId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @PackageRoute(Permission.DOMAINS_MANAGE)
    public Domain updateDomain(@PathParam("id") String id, @PathParam("domainId") String domainId, DomainSettings settings,
            @Context SecurityContext security) {
        String account = packageAccount(security, id, Permission.DOMAINS_MANAGE);
        return packages.updateDomain(account, id, domainId, settings, Callers.subject(security).actor());
    }

    @GET
    @Path("{id}/apps")
    @PackageRoute(Permission.PACKAGES_VIEW)
    public List<InstalledApp> apps(@PathParam("id") String id, @Context SecurityContext security) {
        return packages.technical(packageAccount(security, id, Permission.PACKAGES_VIEW), id).apps();
    }

    /** {@code {"name": "wordpress", "version"?: "6.5", "path": "/blog"}} → 201. */
    @POST
    @Path("{id}/apps")
    @Consumes(MediaType.APPLICATION_JSON)
    @PackageRoute(Permission.DOMAINS_MANAGE)
    public Response installApp(@PathParam("id") String id, AppInput app, @Context SecurityContext security, @Context UriInfo uri) {
        String account = packageAccount(security, id, Permission.DOMAINS_MANAGE);
        InstalledApp installed = packages.installApp(account, id, app, Callers.subject(security).actor());
        return Response.created(uri.getAbsolutePathBuilder().path(installed.id()).build()).entity(installed).build();
    }

    @DELETE
    @Path("{id}/apps/{appId}")
    @PackageRoute(Permission.DOMAINS_MANAGE)
    public Response removeApp(@PathParam("id") String id, @PathParam("appId") String appId, @Context SecurityContext security) {
        String account = packageAccount(security, id, Permission.DOMAINS_MANAGE);
        packages.removeApp(account, id, appId, Callers.subject(security).actor());
        return Response.noContent().build();
    }

    // --- contract routes -------------------------------------------------------------------------------

    /** {@code {"name": "example.org"}}: attaches a domain (unique system-wide) to the package → 201. */
    @POST
    @Path("{id}/domains")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomerRoute(Permission.DOMAINS_MANAGE)
    public Response addDomain(@PathParam("id") String id, NewDomain request, @Context SecurityContext security,
            @Context UriInfo uri) {
        String account = account(security, id, Permission.DOMAINS_MANAGE);
        NewDomain body = ValidationException.requireBody(request);
        Domain domain = packages.addDomain(account, id, body.name(), null, Callers.subject(security).actor());
        return Response.created(uri.getAbsolutePathBuilder().path(domain.id()).build()).entity(domain).build();
    }

    /** {@code POST .../domains}. */
    public record NewDomain(String name) {
    }

    @DELETE
    @Path("{id}/domains/{domainId}")
    @CustomerRoute(Permission.DOMAINS_MANAGE)
    public Response removeDomain(@PathParam("id") String id, @PathParam("domainId") String domainId,
            @Context SecurityContext security) {
        String account = account(security, id, Permission.DOMAINS_MANAGE);
        packages.removeDomain(account, id, domainId, Callers.subject(security).actor());
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/plan-changes")
    @CustomerRoute(Permission.PACKAGES_VIEW)
    public List<PlanChange> planChanges(@PathParam("id") String id, @Context SecurityContext security) {
        return packages.planChanges(account(security, id, Permission.PACKAGES_VIEW), id);
    }

    /**
     * {@code {"planCode"}} with an optional {@code Idempotency-Key} header: an upgrade applies now (200 with
     * its prorated charge), a downgrade is scheduled for the end of the term (200, status SCHEDULED).
     */
    @POST
    @Path("{id}/plan-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomerRoute(Permission.ORDERS)
    public PlanChange changePlan(@PathParam("id") String id, PlanChangeRequest request,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @Context SecurityContext security) {
        String account = account(security, id, Permission.ORDERS);
        PlanChangeRequest body = ValidationException.requireBody(request);
        return packages.changePlan(account, id, body.planCode(), idempotencyKey, Callers.subject(security).actor());
    }

    /** {@code POST .../plan-changes}. */
    public record PlanChangeRequest(String planCode) {
    }

    /** Takes back the scheduled downgrade (204). */
    @DELETE
    @Path("{id}/plan-changes/scheduled")
    @CustomerRoute(Permission.ORDERS)
    public Response revokeScheduledChange(@PathParam("id") String id, @Context SecurityContext security) {
        String account = account(security, id, Permission.ORDERS);
        packages.revokeScheduledChange(account, id, Callers.subject(security).actor());
        return Response.noContent().build();
    }

    /** {@code {"mode"?: "END_OF_TERM" | "IMMEDIATE", "reason"?}}: the package with its cancellation. */
    @POST
    @Path("{id}/cancellation")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomerRoute(Permission.ORDERS)
    public CustomerPackage cancel(@PathParam("id") String id, CancellationRequest request, @Context SecurityContext security) {
        String account = account(security, id, Permission.ORDERS);
        CancellationRequest body = ValidationException.requireBody(request);
        return packages.cancel(account, id, body.mode(), body.reason(), Callers.subject(security).actor());
    }

    /** {@code POST .../cancellation}. */
    public record CancellationRequest(CancellationMode mode, String reason) {
    }

    /** Revokes a cancellation that has not taken effect yet. */
    @DELETE
    @Path("{id}/cancellation")
    @CustomerRoute(Permission.ORDERS)
    public CustomerPackage revokeCancellation(@PathParam("id") String id, @Context SecurityContext security) {
        String account = account(security, id, Permission.ORDERS);
        return packages.revokeCancellation(account, id, Callers.subject(security).actor());
    }

    /** {@code {"set": true|false}}: whether the package has a package password. */
    @GET
    @Path("{id}/password")
    @CustomerRoute(Permission.PACKAGE_PASSWORDS_MANAGE)
    public Map<String, Boolean> password(@PathParam("id") String id, @Context SecurityContext security) {
        account(security, id, Permission.PACKAGE_PASSWORDS_MANAGE);
        return Map.of("set", passwords.hasPassword(id));
    }

    /**
     * {@code {"password"}}: sets the package password (204); with any domain of the package it opens that
     * package's technical settings only. Sessions opened with the old password end. Needs DOMAINS_MANAGE
     * too: whoever hands out the password hands out what the package token may change.
     */
    @PUT
    @Path("{id}/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomerRoute({Permission.PACKAGE_PASSWORDS_MANAGE, Permission.DOMAINS_MANAGE})
    public Response setPassword(@PathParam("id") String id, PasswordRequest request, @Context SecurityContext security,
            @Context HttpServletRequest http, @HeaderParam(HttpHeaders.USER_AGENT) String userAgent) {
        String account = account(security, id, Permission.PACKAGE_PASSWORDS_MANAGE, Permission.DOMAINS_MANAGE);
        PasswordRequest body = ValidationException.requireBody(request);
        passwords.set(account, id, body.password(), Callers.subject(security).actor(),
                new ClientInfo(http == null ? null : http.getRemoteAddr(), userAgent));
        return Response.noContent().build();
    }

    /** {@code PUT .../password}. */
    public record PasswordRequest(String password) {

        @Override
        public String toString() {
            return "PasswordRequest";
        }
    }

    /** Removes the package password; its sessions end (204). */
    @DELETE
    @Path("{id}/password")
    @CustomerRoute(Permission.PACKAGE_PASSWORDS_MANAGE)
    public Response revokePassword(@PathParam("id") String id, @Context SecurityContext security) {
        account(security, id, Permission.PACKAGE_PASSWORDS_MANAGE);
        passwords.revoke(id, Callers.subject(security).actor());
        return Response.noContent().build();
    }

    /** The caller's account for a contract route, after confirming the package is the account's (404). */
    private String account(SecurityContext security, String packageId, Permission... permissions) {
        String account = authorization.requireAccount(Callers.subject(security), permissions);
        packages.requireOwned(account, packageId);
        return account;
    }

    /** The account for a technical route: the package's own token, or the account with the permission (404 otherwise). */
    private String packageAccount(SecurityContext security, String packageId, Permission permission) {
        Subject subject = Callers.subject(security);
        String account = authorization.requirePackage(subject, packageId, permission);
        packages.requireOwned(account, packageId);
        return account;
    }
}
