package org.hostarea.contacts.internal.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.hostarea.contacts.Contact;
import org.hostarea.contacts.ContactInput;
import org.hostarea.contacts.ContactService;
import org.hostarea.core.access.AuthorizationService;
import org.hostarea.core.access.Callers;
import org.hostarea.core.access.CustomerRoute;
import org.hostarea.core.access.Permission;
import org.hostarea.core.rest.HostareaApi;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The account's contacts: {@code /api/v1/me/contacts} (CONTACTS_VIEW to read, CONTACTS_MANAGE to change). */
@Component(service = ContactsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@Path("v1/me/contacts")
@Produces(MediaType.APPLICATION_JSON)
public class ContactsResource {

    private final ContactService contacts;
    private final AuthorizationService authorization;

    @Activate
    public ContactsResource(@Reference ContactService contacts, @Reference AuthorizationService authorization) {
        this.contacts = contacts;
        this.authorization = authorization;
    }

    @GET
    @CustomerRoute(Permission.CONTACTS_VIEW)
    public List<Contact> list(@Context SecurityContext security) {
        return contacts.contacts(account(security, Permission.CONTACTS_VIEW));
    }

    /** {@code {"name","email","phone"?,"role"?,"categories"?}} → 201; the address gets a verification link. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomerRoute(Permission.CONTACTS_MANAGE)
    public Response add(ContactInput input, @Context SecurityContext security, @Context UriInfo uri) {
        Contact contact = contacts.add(account(security, Permission.CONTACTS_MANAGE), input, Callers.subject(security).holder());
        return Response.created(uri.getAbsolutePathBuilder().path(contact.id()).build()).entity(contact).build();
    }

    @GET
    @Path("{id}")
    @CustomerRoute(Permission.CONTACTS_VIEW)
    public Contact one(@PathParam("id") String id, @Context SecurityContext security) {
        return contacts.contact(account(security, Permission.CONTACTS_VIEW), id);
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @CustomerRoute(Permission.CONTACTS_MANAGE)
    public Contact replace(@PathParam("id") String id, ContactInput input, @Context SecurityContext security) {
        return contacts.update(account(security, Permission.CONTACTS_MANAGE), id, input, Callers.subject(security).holder());
    }

    @DELETE
    @Path("{id}")
    @CustomerRoute(Permission.CONTACTS_MANAGE)
    public Response remove(@PathParam("id") String id, @Context SecurityContext security) {
        contacts.remove(account(security, Permission.CONTACTS_MANAGE), id, Callers.subject(security).holder());
        return Response.noContent().build();
    }

    private String account(SecurityContext security, Permission permission) {
        return authorization.requireAccount(Callers.subject(security), permission);
    }
}
