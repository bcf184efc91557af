package io.polystore.gateway.cli;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The types the ops command line prints with {@code --json} (or reads into) that Quarkus does not register by itself:
 * Jackson reaches their accessors by reflection, which a native executable allows only for registered classes.
 * deploy/native-check's NativeRegistrationCheck finds the ones missing here.
 */
@RegisterForReflection(classNames = {
        "io.polystore.gateway.cli.RateLimitCommand$Cleared",
        "io.polystore.gateway.cli.RateLimitCommand$Listing",
        "io.polystore.gateway.cli.RateLimitCommand$Removed",
        "io.polystore.gateway.ratelimit.RateLimitStore$CurrentWindow",
        "io.polystore.gateway.ratelimit.RateLimitStore$CustomLimit",
        "io.polystore.gateway.ratelimit.RateLimitStore$Limits"})
final class CliJsonTypes {

    private CliJsonTypes() {
    }
}
