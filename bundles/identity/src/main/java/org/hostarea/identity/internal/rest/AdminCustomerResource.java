package org.hostarea.identity.internal.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.hostarea.core.ValidationException;
import org.hostarea.core.rest.HostareaApi;
import org.hostarea.identity.Account;
import org.hostarea.identity.AccountService;
import org.hostarea.identity.AuthenticationService;
import org.hostarea.identity.CredentialService;
import org.hostarea.identity.NewAccount;
import org.hostarea.core.access.StaffRole;
import org.hostarea.core.access.Callers;
import org.hostarea.core.access.StaffRoute;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** Staff open and read customer accounts: {@code /api/v1/admin/customers}. */
@Component(service = AdminCustomerResource.class)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@Path("v1/admin/customers")
@Produces(MediaType.APPLICATION_JSON)
public class AdminCustomerResource {

    private final AccountService accounts;
    private final CredentialService credentials;

    /**
     * What staff enter to open an account. No password: staff never set one; the customer chooses the
     * first one through the reset link ({@code POST .../{id}/password-reset}).
     */
    public record CreateCustomer(String ownerName, String email, String language) {
    }

    private final AuthenticationService authentication;

    @Activate
    public AdminCustomerResource(@Reference AccountService accounts, @Reference CredentialService credentials,
            @Reference AuthenticationService authentication) {
        this.authentication = authentication;
        this.accounts = accounts;
        this.credentials = credentials;
    }

    /** {@code {"ownerName", "email", "language"?}} → 201 with the new account (it has no password yet). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @StaffRoute({StaffRole.SUPPORT})
    public Response create(CreateCustomer request, @Context UriInfo uri) {
        CreateCustomer body = ValidationException.requireBody(request);
        Account account = accounts.create(new NewAccount(body.ownerName(), body.email(), body.language(), null));
        return Response.created(uri.getAbsolutePathBuilder().path(account.id()).build()).entity(account).build();
    }

    /** Mails the owner a link to choose a (first or new) password; staff never see it (202). */
    @POST
    @Path("{id}/password-reset")
    @StaffRoute({StaffRole.SUPPORT})
    public Response startReset(@PathParam("id") String id, @Context SecurityContext security) {
        credentials.requestResetFor(id, Callers.subject(security));
        return Response.accepted().build();
    }

    /** Ends every session on the account (its holder's, its users' on it, its package logins') → {@code {"ended"}}. */
    @POST
    @Path("{id}/sessions/end")
    @StaffRoute({StaffRole.SUPPORT})
    public java.util.Map<String, Integer> endSessions(@PathParam("id") String id, @Context SecurityContext security) {
        return java.util.Map.of("ended", authentication.endAccountSessions(id, Callers.subject(security).actor()));
    }

    /** Lifts a brute-force lockout of the account (204). */
    @POST
    @Path("{id}/unlock")
    @StaffRoute({StaffRole.SUPPORT})
    public Response unlock(@PathParam("id") String id, @Context SecurityContext security) {
        credentials.unlock(id, Callers.subject(security));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}")
    @StaffRoute
    public Account get(@PathParam("id") String id) {
        return accounts.get(id);
    }
}
