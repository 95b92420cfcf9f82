package dev.lifeboat.app.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The least role a resource method needs. Every resource method declares one (a method without is
 * refused to everyone, and {@code EveryEndpointHasARoleTest} names it): an endpoint is never open
 * by omission. Typed rather than {@code @RolesAllowed("operator")} because roles are ordered and a
 * misspelt string would silently match nobody.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Requires {
  Role value();

  /** What the method does, in the words of a refusal: "launch a run". */
  String action();
}
