package io.polystore.session.cli;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The types the ops command line prints with {@code --json} (or reads into) that Quarkus does not register by itself:
 * Jackson reaches their accessors by reflection, which a native executable allows only for registered classes.
 * deploy/native-check's NativeRegistrationCheck finds the ones missing here.
 */
@RegisterForReflection(classNames = {
        "io.polystore.session.cli.SessionCommand$SessionListing",
        "io.polystore.session.cli.SessionCommand$Summary",
        "io.polystore.session.cli.StatsCommand$Stats",
        "io.polystore.session.cli.SweepCommand$SweepResult",
        "io.polystore.session.session.SessionService$Ended"})
final class CliJsonTypes {

    private CliJsonTypes() {
    }
}
