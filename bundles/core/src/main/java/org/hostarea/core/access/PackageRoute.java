package org.hostarea.core.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a route on the technical settings of one package (its path names the package): callable by a
 * customer-side subject holding every listed permission, and by the package-scoped subject (domain +
 * package password) of that package. These are the only routes a package-scoped token may use; the
 * resource confirms the package with {@link AuthorizationService#requirePackage}, and the route guard
 * already refuses (404) a package-scoped token whose package is not the path parameter {@value #PACKAGE_ID}:
 * a package route names its package {@code {id}}. A method's declaration replaces its class's.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PackageRoute {

    /** The path parameter that names the package on every package route. */
    String PACKAGE_ID = "id";

    Permission[] value() default {};
}
