package io.polystore.rest.identity;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scope a caller's key must carry for this resource (class) or operation (method; wins over the class). The gateway
 * already refuses requests outside a key's scopes by route; {@link CallerFilter} checks again from the token.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface RequiresScope {

    String value();
}
