package io.polystore.payment.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.ops.OpsCommand;
import io.polystore.ops.Table;
import io.polystore.payment.payment.PaymentService;
import io.polystore.payment.payment.PaymentStats;
import picocli.CommandLine.Command;

@Command(name = "stats", description = "Counts of every user's payments: by status, by validation status, created in the last 24 hours.")
public class StatsCommand extends OpsCommand {

    private final PaymentService payments;

    StatsCommand(PaymentService payments, ObjectMapper mapper) {
        super(mapper);
        this.payments = payments;
    }

    @Override
    protected void execute() {
        PaymentStats stats = await(payments::stats);
        print(stats, out -> {
            out.println("Payments: " + stats.total() + " (" + stats.lastDay() + " in the last 24 hours)");
            Table table = new Table("KIND", "VALUE", "COUNT");
            stats.byStatus().forEach((status, count) -> table.row("status", status, count));
            stats.byValidationStatus().forEach((status, count) -> table.row("validation", status, count));
            table.print(out, "No payments.");
        });
    }
}
