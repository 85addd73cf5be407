package org.hostarea.core.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.hostarea.core.access.StaffRole;

/**
 * Declares a staff route (under {@code /api/v1/admin}): the caller must be staff with one of the listed
 * roles (none listed: any staff role; ADMIN always qualifies). Customer tokens are refused (403).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface StaffRoute {

    StaffRole[] value() default {};
}
