package org.hostarea.core.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a route needs no authentication (health, login, password reset). Every route of the
 * application must carry exactly one access declaration, on the method or on its class; a route with
 * none is refused at run time and reported by the route inventory.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Public {
}
