package io.polystore.incident.cli;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The types the ops command line prints with {@code --json} (or reads into) that Quarkus does not register by itself:
 * Jackson reaches their accessors by reflection, which a native executable allows only for registered classes.
 * deploy/native-check's NativeRegistrationCheck finds the ones missing here.
 */
@RegisterForReflection(classNames = {
        "io.polystore.incident.cli.ApiCommand$Revoked",
        "io.polystore.incident.user.UserView"})
final class CliJsonTypes {

    private CliJsonTypes() {
    }
}
