package org.hostarea.billing.internal.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.hostarea.billing.JobInfo;
import org.hostarea.billing.JobRun;
import org.hostarea.billing.JobService;
import org.hostarea.core.FieldChecks;
import org.hostarea.core.Page;
import org.hostarea.core.PageRequest;
import org.hostarea.core.access.Callers;
import org.hostarea.core.access.StaffRole;
import org.hostarea.core.access.StaffRoute;
import org.hostarea.core.rest.HostareaApi;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code /api/v1/admin/jobs}: the billing jobs, their history (any staff) and running one now, for a day and as a
 * dry run (BILLING, ADMIN).
 */
@Component(service = AdminJobsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@Path("v1/admin/jobs")
@Produces(MediaType.APPLICATION_JSON)
public class AdminJobsResource {

    private final JobService jobs;

    @Activate
    public AdminJobsResource(@Reference JobService jobs) {
        this.jobs = jobs;
    }

    @GET
    @StaffRoute
    public List<JobInfo> list() {
        return jobs.jobs();
    }

    /** {@code ?job=&page=&size=}: runs, newest first. */
    @GET
    @Path("runs")
    @StaffRoute
    public Page<JobRun> history(@QueryParam("job") String job, @QueryParam("page") String page, @QueryParam("size") String size) {
        return jobs.history(job == null || job.isBlank() ? null : job, PageRequest.parse(page, size));
    }

    @GET
    @Path("runs/{id}")
    @StaffRoute
    public JobRun run(@PathParam("id") String id) {
        return jobs.get(id);
    }

    /**
     * {@code {"asOf"?: "2026-12-01", "dryRun"?: true}} (body optional): runs the job now and answers when it ended;
     * 409 {@code job-running} while a run of it holds the lease.
     */
    @POST
    @Path("{name}/run")
    @Consumes(MediaType.APPLICATION_JSON)
    @StaffRoute(StaffRole.BILLING)
    public JobRun start(@PathParam("name") String name, RunRequest request, @Context SecurityContext security) {
        FieldChecks checks = new FieldChecks();
        LocalDate asOf = null;
        if (request != null && request.asOf() != null) {
            try {
                asOf = LocalDate.parse(request.asOf());
            } catch (DateTimeParseException e) {
                checks.reject("asOf", "must be a date (YYYY-MM-DD)");
            }
        }
        checks.throwIfAny();
        boolean dryRun = request != null && Boolean.TRUE.equals(request.dryRun());
        return jobs.run(name, asOf, dryRun, Callers.subject(security).actor());
    }

    /** The body of {@code POST /admin/jobs/{name}/run}. */
    public record RunRequest(String asOf, Boolean dryRun) {
    }
}
