package org.hostarea.core.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.hostarea.core.access.Permission;

/**
 * Declares a customer-side route: the caller must be a customer-side subject holding every listed
 * permission on the account it acts on (none listed: any customer-side subject). Staff tokens are
 * refused (403), and so are package-scoped tokens (see {@link PackageRoute}). A method's declaration replaces
 * its class's.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface CustomerRoute {

    Permission[] value() default {};
}
