package io.polystore.mandate.cli;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The types the ops command line prints with {@code --json} (or reads into) that Quarkus does not register by itself:
 * Jackson reaches their accessors by reflection, which a native executable allows only for registered classes.
 * deploy/native-check's NativeRegistrationCheck finds the ones missing here.
 */
@RegisterForReflection(classNames = {
        "io.polystore.mandate.archive.SummaryStats",
        "io.polystore.mandate.audit.Actor",
        "io.polystore.mandate.cli.DbStatsCommand$IndexUsage",
        "io.polystore.mandate.cli.DbStatsCommand$SlowQuery",
        "io.polystore.mandate.cli.DbStatsCommand$Stats",
        "io.polystore.mandate.cli.DbStatsCommand$TableSize",
        "io.polystore.mandate.cli.WebhookCommand$RetryFailed$Queued",
        "io.polystore.mandate.jobs.ExpiryJob$Result",
        "io.polystore.mandate.jobs.RetentionJob$Result",
        "io.polystore.mandate.mandate.MandateFilter"})
final class CliJsonTypes {

    private CliJsonTypes() {
    }
}
