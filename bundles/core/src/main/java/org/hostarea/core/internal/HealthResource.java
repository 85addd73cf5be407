package org.hostarea.core.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import javax.sql.DataSource;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.hostarea.core.rest.HostareaApi;
import org.hostarea.core.rest.Public;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/health}: public liveness and database reachability, for load balancers and
 * monitoring. 200 when the {@code hostarea} datasource answers and every bundle's schema migrated; 503 when
 * the database is missing or down, or a schema migration failed (its bundle is then stopped).
 */
@Component(service = HealthResource.class, immediate = true)
@JaxrsResource
@JaxrsApplicationSelect(HostareaApi.SELECT)
@JSONRequired
@Path("v1/health")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

    private static final Logger LOG = LoggerFactory.getLogger(HealthResource.class);
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @Reference(target = "(osgi.jndi.service.name=hostarea)", cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile DataSource dataSource;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile SchemaExtender schemas;

    /** The body of the health answer: overall status and the database's. */
    public record Health(String status, Map<String, String> checks) {
    }

    @GET
    @Public
    public Response health() {
        boolean databaseUp = databaseUp(dataSource);
        SchemaExtender extender = schemas;
        boolean schemasUp = extender != null && extender.failed().isEmpty();
        boolean up = databaseUp && schemasUp;
        Health health = new Health(up ? "UP" : "DOWN", Map.of("database", databaseUp ? "UP" : "DOWN", "schema", schemasUp ? "UP" : "DOWN"));
        return Response.status(up ? 200 : 503).entity(health).build();
    }

    private static boolean databaseUp(DataSource dataSource) {
        if (dataSource == null) {
            return false;
        }
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDATION_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            LOG.warn("health: database unreachable: {}", e.toString());
            return false;
        }
    }
}
