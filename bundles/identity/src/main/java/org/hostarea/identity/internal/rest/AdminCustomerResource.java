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
import javax.ws.rs.core.UriInfo;

import org.hostarea.core.ValidationException;
import org.hostarea.core.rest.HostareaApi;
import org.hostarea.identity.Account;
import org.hostarea.identity.AccountService;
import org.hostarea.identity.NewAccount;
import org.hostarea.identity.StaffRole;
import org.hostarea.identity.access.StaffRoute;
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

    @Activate
    public AdminCustomerResource(@Reference AccountService accounts) {
        this.accounts = accounts;
    }

    /** {@code {"ownerName", "email", "language"?, "password"?}} → 201 with the new account. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @StaffRoute({StaffRole.SUPPORT})
    public Response create(NewAccount request, @Context UriInfo uri) {
        Account account = accounts.create(ValidationException.requireBody(request));
        return Response.created(uri.getAbsolutePathBuilder().path(account.id()).build()).entity(account).build();
    }

    @GET
    @Path("{id}")
    @StaffRoute
    public Account get(@PathParam("id") String id) {
        return accounts.get(id);
    }
}
