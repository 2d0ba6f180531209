package vn.hoctap.accounts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The access-matrix entry of a route: which kind of data it touches and how. Put on every handler method (or on
 * the controller class, a method's own annotation winning). Before the handler runs, the role is checked against
 * {@link AccessMatrix}; the service still checks the unit (and, for {@link Grant#OWN}, the owner) with
 * {@link AccessGuard#require(DataKind, AccessAction, String)}. A route without it fails the route × role test and,
 * with {@code hoctap.access.require-declaration=true}, is refused at run time.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Access {
    DataKind kind();

    AccessAction action() default AccessAction.READ;
}
