package org.hostarea.apidocs.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;

import org.hostarea.core.FieldError;
import org.hostarea.core.access.Route;
import org.hostarea.core.access.RouteAccess;
import org.hostarea.core.rest.HostareaApi;

/**
 * Writes the OpenAPI 3 document of the application: the operations, parameters and schemas are read from
 * the resource classes by swagger's JAX-RS reader; the route inventory adds what only it knows, each
 * operation's access declaration as its security requirement, and drops anything the runtime does not
 * serve. Every operation documents the problem+json answer of its failures.
 */
final class OpenApiDocument {

    /** Customer-side sessions: owner, invited users, from {@code POST /api/v1/auth/login}. */
    static final String CUSTOMER = "customer";
    /** A session on one package's technical settings, from {@code POST /api/v1/auth/login} with a domain. */
    static final String PACKAGE = "package";
    /** Staff sessions, from {@code POST /api/v1/admin/auth/login}. */
    static final String STAFF = "staff";
    /** The vendor extension that carries a route's declaration as the route guard enforces it. */
    static final String ACCESS_EXTENSION = "x-hostarea-access";
    static final String PROBLEM = "Problem";

    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    private static final String PREFIX = "/" + HostareaApi.BASE;

    private OpenApiDocument() {
    }

    /**
     * @param resourceClasses the application's resource classes
     * @param routes the routes the runtime serves, with their declarations
     * @param tagOf the tag of a resource class (the bundle it comes from)
     * @param version the API's version
     */
    static OpenAPI of(Collection<Class<?>> resourceClasses, List<Route> routes, Function<Class<?>, String> tagOf, String version) {
        OpenAPI base = new OpenAPI()
                .info(new Info().title("Hostarea API").version(version)
                        .description("The customer area and staff API of Hostarea. Every error is an RFC 9457 problem "
                                + "(application/problem+json) with a stable type urn:hostarea:problem:<slug>. Each "
                                + "operation's " + ACCESS_EXTENSION + " is the declaration the route guard enforces.")
                        .license(new License().name("Apache License 2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .servers(List.of(new Server().url(PREFIX).description("this server")))
                .components(new Components()
                        .addSecuritySchemes(CUSTOMER, bearer("A customer-side session: POST /api/v1/auth/login with a customer "
                                + "number or email and the password (the owner or an invited user)."))
                        .addSecuritySchemes(PACKAGE, bearer("A session on one package's technical settings: POST "
                                + "/api/v1/auth/login with the domain and the package password."))
                        .addSecuritySchemes(STAFF, bearer("A staff session: POST /api/v1/admin/auth/login.")));
        OpenAPI read = new Reader(new SwaggerConfiguration().openAPI(base).prettyPrint(false).sortOutput(true))
                .read(Set.copyOf(resourceClasses));

        Map<String, Route> served = new HashMap<>();
        for (Route route : routes) {
            served.put(route.method() + " " + route.path(), route);
        }
        Map<String, String> tags = new TreeMap<>();
        Paths paths = new Paths();
        Map<String, PathItem> sorted = new TreeMap<>(read.getPaths() == null ? Map.of() : read.getPaths());
        for (Map.Entry<String, PathItem> entry : sorted.entrySet()) {
            PathItem kept = new PathItem();
            for (Map.Entry<PathItem.HttpMethod, Operation> operation : entry.getValue().readOperationsMap().entrySet()) {
                Route route = served.get(operation.getKey().name() + " " + PREFIX + entry.getKey());
                if (route == null) {
                    continue; // a method of a class the runtime serves only in part: document what is served
                }
                Operation documented = operation.getValue();
                Class<?> type = declaringClass(route, resourceClasses);
                success(documented, javaMethod(type, route));
                describe(documented, route);
                String tag = tagOf.apply(type);
                if (tag != null) {
                    documented.setTags(List.of(tag));
                    tags.put(tag, "Routes of the " + tag + " bundle.");
                }
                kept.operation(operation.getKey(), documented);
            }
            if (!kept.readOperations().isEmpty()) {
                paths.addPathItem(entry.getKey(), kept);
            }
        }
        read.setPaths(paths);
        read.setTags(tags.entrySet().stream().map(t -> new Tag().name(t.getKey()).description(t.getValue())).collect(Collectors.toList()));
        Components components = read.getComponents() == null ? base.getComponents() : read.getComponents();
        components.setSecuritySchemes(base.getComponents().getSecuritySchemes());
        components.addSchemas(PROBLEM, problemSchema());
        Map<String, Schema> fieldError = ModelConverters.getInstance().read(FieldError.class);
        fieldError.forEach(components::addSchemas);
        read.setComponents(components);
        return read;
    }

    /**
     * The reader files the success answer under {@code default}, which is the problems' place here: it becomes
     * 204 for a void method, 200 when its body's schema is known, and 2XX for a method that builds its own
     * {@code Response} (201 with a location, 200 or 204, as its description says).
     */
    private static void success(Operation operation, java.lang.reflect.Method method) {
        ApiResponses responses = operation.getResponses();
        ApiResponse success = responses == null ? null : responses.remove("default");
        ApiResponses kept = new ApiResponses();
        if (method != null && method.getReturnType() == void.class) {
            kept.addApiResponse("204", new ApiResponse().description("Done, no body."));
        } else if (success != null && success.getContent() != null && !success.getContent().isEmpty()) {
            kept.addApiResponse("200", success.description("OK"));
        } else {
            kept.addApiResponse("2XX", new ApiResponse().description("Success."));
        }
        if (responses != null) {
            responses.forEach(kept::addApiResponse);
        }
        operation.setResponses(kept);
    }

    private static java.lang.reflect.Method javaMethod(Class<?> type, Route route) {
        if (type == null || !route.handler().contains("#")) {
            return null;
        }
        String name = route.handler().substring(route.handler().indexOf('#') + 1);
        for (java.lang.reflect.Method method : type.getMethods()) {
            if (method.getName().equals(name)) {
                return method;
            }
        }
        return null;
    }

    /** Who may call the operation, and the problems it answers. */
    private static void describe(Operation operation, Route route) {
        RouteAccess access = route.access();
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        responses.addApiResponse("default", problem("Any failure: a problem with a stable type, the detail and, for "
                + "invalid input, the field errors; nothing was changed."));
        Map<String, Object> declaration = new LinkedHashMap<>();
        if (access == null) {
            // the inventory reports the route as a violation and the guard refuses it: say so
            declaration.put("kind", "UNDECLARED");
            operation.setSecurity(List.of());
            responses.addApiResponse("403", problem("Always: the route declares no access (route-undeclared)."));
        } else {
            declaration.put("kind", access.kind().name());
            if (!access.permissions().isEmpty()) {
                declaration.put("permissions", access.permissions().stream().map(Enum::name).sorted().toList());
            }
            if (!access.roles().isEmpty()) {
                declaration.put("roles", access.roles().stream().map(Enum::name).sorted().toList());
            }
            operation.setSecurity(security(access.kind()));
            if (access.kind() != RouteAccess.Kind.PUBLIC) {
                responses.addApiResponse("401", problem("No valid session token (unauthenticated)."));
                responses.addApiResponse("403", problem("The session may not call this route or act on this resource."));
            }
        }
        operation.setResponses(responses);
        operation.addExtension(ACCESS_EXTENSION, declaration);
        String who = whoMayCall(access);
        operation.setDescription(operation.getDescription() == null ? who : operation.getDescription() + "\n\n" + who);
    }

    private static List<SecurityRequirement> security(RouteAccess.Kind kind) {
        List<SecurityRequirement> alternatives = new ArrayList<>();
        switch (kind) {
            case PUBLIC -> {
                // no requirement: an empty list overrides nothing and needs no token
            }
            case CUSTOMER -> alternatives.add(new SecurityRequirement().addList(CUSTOMER));
            case PACKAGE -> {
                alternatives.add(new SecurityRequirement().addList(CUSTOMER));
                alternatives.add(new SecurityRequirement().addList(PACKAGE));
            }
            case STAFF -> alternatives.add(new SecurityRequirement().addList(STAFF));
            case AUTHENTICATED -> {
                alternatives.add(new SecurityRequirement().addList(CUSTOMER));
                alternatives.add(new SecurityRequirement().addList(PACKAGE));
                alternatives.add(new SecurityRequirement().addList(STAFF));
            }
        }
        return alternatives;
    }

    private static String whoMayCall(RouteAccess access) {
        if (access == null) {
            return "Access: undeclared, refused to everyone.";
        }
        String permissions = access.permissions().isEmpty() ? ""
                : " with the permission(s) " + access.permissions().stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
        return switch (access.kind()) {
            case PUBLIC -> "Access: public, no token.";
            case AUTHENTICATED -> "Access: any session (customer, package or staff).";
            case CUSTOMER -> "Access: a customer-side session" + permissions + ".";
            case PACKAGE -> "Access: a customer-side session" + permissions + ", or a session on this package.";
            case STAFF -> "Access: staff" + (access.roles().isEmpty() ? "" : " in the role(s) "
                    + access.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(", "))) + ".";
        };
    }

    private static Class<?> declaringClass(Route route, Collection<Class<?>> classes) {
        String handler = route.handler();
        String className = handler.contains("#") ? handler.substring(0, handler.indexOf('#')) : handler;
        for (Class<?> type : classes) {
            if (type.getName().equals(className)) {
                return type;
            }
        }
        return null;
    }

    private static SecurityScheme bearer(String description) {
        return new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").description(description);
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description)
                .content(new Content().addMediaType(HostareaApi.PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM_REF))));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put("type", new Schema<>().type("string").description("Stable type, " + HostareaApi.PROBLEM_TYPE_PREFIX + "<slug>"));
        properties.put("title", new Schema<>().type("string"));
        properties.put("status", new Schema<>().type("integer").format("int32"));
        properties.put("detail", new Schema<>().type("string"));
        properties.put("requestId", new Schema<>().type("string").description("Also in the " + HostareaApi.REQUEST_ID_HEADER
                + " header and the log"));
        properties.put("errors", new Schema<>().type("array").items(new Schema<>().$ref("#/components/schemas/FieldError"))
                .description("The invalid fields of a validation problem"));
        Schema schema = new Schema<>().type("object").description("An RFC 9457 problem (" + HostareaApi.PROBLEM_JSON + ")");
        schema.setProperties(properties);
        schema.setRequired(List.of("type", "title", "status"));
        return schema;
    }

    /** The lower-case tag of a bundle symbolic name, e.g. {@code org.hostarea.billing} → {@code billing}. */
    static String tagOfBundle(String symbolicName) {
        if (symbolicName == null) {
            return null;
        }
        String name = symbolicName.startsWith("org.hostarea.") ? symbolicName.substring("org.hostarea.".length()) : symbolicName;
        return name.toLowerCase(Locale.ROOT);
    }
}
