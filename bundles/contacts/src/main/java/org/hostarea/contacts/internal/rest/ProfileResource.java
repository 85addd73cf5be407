package org.hostarea.contacts.internal.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.hostarea.contacts.ContactService;
import org.hostarea.contacts.Profile;
import org.hostarea.contacts.ProfileChange;
import org.hostarea.contacts.ProfileUpdate;
import org.hostarea.core.access.AuthorizationService;
import org.hostarea.core.access.Callers;
import org.hostarea.core.access.CustomerRoute;
import org.hostarea.core.access.Permission;
import org.hostarea.core.access.Subject;
import org.hostarea.core.rest.HostareaApi;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The account's master data: {@code /api/v1/me/profile} (PROFILE_EDIT). */
@Component(service = ProfileResource.class)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@Path("v1/me/profile")
@Produces(MediaType.APPLICATION_JSON)
@CustomerRoute(Permission.PROFILE_EDIT)
public class ProfileResource {

    private final ContactService contacts;
    private final AuthorizationService authorization;

    @Activate
    public ProfileResource(@Reference ContactService contacts, @Reference AuthorizationService authorization) {
        this.contacts = contacts;
        this.authorization = authorization;
    }

    @GET
    public Profile get(@Context SecurityContext security) {
        return contacts.profile(authorization.requireAccount(Callers.subject(security), Permission.PROFILE_EDIT));
    }

    /** Replaces the master data (every field; optional ones may be null); each change is audited. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Profile put(ProfileUpdate update, @Context SecurityContext security) {
        Subject subject = Callers.subject(security);
        String account = authorization.requireAccount(subject, Permission.PROFILE_EDIT);
        return contacts.updateProfile(account, update, subject.type().name().toLowerCase(java.util.Locale.ROOT) + ":" + subject.id());
    }

    /** The audit: which field changed from what to what, by whom and when; newest first. */
    @GET
    @Path("changes")
    public List<ProfileChange> changes(@Context SecurityContext security) {
        return contacts.profileChanges(authorization.requireAccount(Callers.subject(security), Permission.PROFILE_EDIT));
    }
}
