package io.polystore.payment.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.polystore.ops.CliException;
import io.polystore.ops.OpsCommand;
import io.polystore.ops.Table;
import io.polystore.payment.audit.Actor;
import io.polystore.payment.payment.CreatePaymentRequest;
import io.polystore.payment.payment.PaymentFilter;
import io.polystore.payment.payment.PaymentPage;
import io.polystore.payment.payment.PaymentService;
import io.polystore.payment.payment.PaymentStatus;
import io.polystore.payment.payment.PaymentView;
import io.polystore.payment.payment.Validation;
import io.polystore.payment.payment.ValidationStatus;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "payment", description = "Payments of every user (the ops command line is not limited to one owner).", synopsisSubcommandLabel = "COMMAND", subcommands = {
        PaymentCommand.ListPayments.class, PaymentCommand.Show.class, PaymentCommand.Create.class})
public class PaymentCommand {

    @Command(name = "list", description = "List payments, newest first, optionally of one user, in one status.")
    static class ListPayments extends OpsCommand {

        @Option(names = "--user-id", paramLabel = "ID", description = "Only this user's payments.")
        Long userId;

        @Option(names = "--status", paramLabel = "STATUS", description = "EXACT, UNDERPAYMENT, OVERPAYMENT, COMPLETED, FAILED or REFUNDED.")
        PaymentStatus status;

        @Option(names = "--validation-status", paramLabel = "STATUS", description = "PASSED or FAILED.")
        ValidationStatus validationStatus;

        @Option(names = "--limit", paramLabel = "N", defaultValue = ""
                + PaymentService.DEFAULT_LIMIT, description = "At most N payments, 1 to "
                        + PaymentService.MAX_LIMIT + " (default: ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--cursor", paramLabel = "CURSOR", description = "The next page, as the previous page named it.")
        String cursor;

        private final PaymentService payments;

        ListPayments(PaymentService payments, ObjectMapper mapper) {
            super(mapper);
            this.payments = payments;
        }

        @Override
        protected void execute() {
            if (limit < 1 || limit > PaymentService.MAX_LIMIT) {
                throw CliException.usage("--limit must be from 1 to " + PaymentService.MAX_LIMIT);
            }
            PaymentPage page = await(() -> payments.list(PaymentFilter.ofCursor(userId, status, validationStatus,
                    cursor, limit)));
            print(page, out -> {
                Table table = new Table("REFERENCE", "ID", "STATUS", "VALIDATION", "AMOUNT", "RECEIVED", "CURRENCY",
                        "CREATED", "EMAIL");
                page.items().forEach(p -> table.row(p.reference(), p.id(), p.status().value(),
                        p.validationStatus().value(), p.amount(), p.amountReceived(), p.currency(),
                        OpsCommand.time(p.createdAt()), p.email()));
                table.print(out, "No payments.");
                if (page.nextCursor() != null) {
                    out.println("More: --cursor " + page.nextCursor());
                }
            });
        }
    }

    @Command(name = "show", description = "Show one payment with its checks, by id or reference.")
    static class Show extends OpsCommand {

        @Parameters(paramLabel = "ID_OR_REFERENCE")
        String idOrReference;

        private final PaymentService payments;

        Show(PaymentService payments, ObjectMapper mapper) {
            super(mapper);
            this.payments = payments;
        }

        @Override
        protected void execute() {
            PaymentView payment = await(() -> payments.find(idOrReference));
            print(payment, out -> details(out, payment));
        }
    }

    @Command(name = "create", description = {
            "Create a payment for a user, with the same checks, fee and reference as the API. Audited as the ops "
                    + "command line (no key, no address)."})
    static class Create extends OpsCommand {

        @Option(names = "--user-id", paramLabel = "ID", required = true, description = "The owner.")
        long userId;

        @Option(names = "--payer-name", paramLabel = "NAME", required = true)
        String payerName;

        @Option(names = "--email", paramLabel = "EMAIL", required = true)
        String email;

        @Option(names = "--amount", paramLabel = "AMOUNT", required = true, description = "The expected amount, e.g. 990.00.")
        BigDecimal amount;

        @Option(names = "--amount-received", paramLabel = "AMOUNT", description = "Default: the expected amount.")
        BigDecimal amountReceived;

        @Option(names = "--currency", paramLabel = "CODE", required = true, description = "ISO 4217, e.g. EUR.")
        String currency;

        @Option(names = "--description", paramLabel = "TEXT")
        String description;

        private final PaymentService payments;
        private final Validator validator;

        Create(PaymentService payments, Validator validator, ObjectMapper mapper) {
            super(mapper);
            this.payments = payments;
            this.validator = validator;
        }

        @Override
        protected void execute() {
            if (userId < 1) {
                throw CliException.usage("--user-id must be a positive user id");
            }
            CreatePaymentRequest request = new CreatePaymentRequest(payerName, email, amount,
                    amountReceived == null ? amount : amountReceived, currency, description, null, null, null, null,
                    null);
            Set<ConstraintViolation<CreatePaymentRequest>> violations = validator.validate(request);
            if (!violations.isEmpty()) {
                ConstraintViolation<CreatePaymentRequest> first = violations.iterator().next();
                throw CliException.usage(first.getPropertyPath() + " " + first.getMessage());
            }
            PaymentView created = await(
                    () -> payments.create(userId, request, null, Actor.commandLine())).payment();
            print(created, out -> {
                out.println("Created " + created.reference() + " (" + created.id() + ")");
                details(out, created);
            });
        }
    }

    static void details(PrintWriter out, PaymentView p) {
        out.println("Reference:   " + p.reference());
        out.println("Id:          " + p.id());
        out.println("Payer:       " + p.payerName() + " <" + p.email() + ">");
        out.println("Amount:      " + p.amount() + " " + p.currency() + " (received " + p.amountReceived() + ", fee "
                + p.feeAmount() + " = " + p.feePercentage() + " %, final " + p.finalAmount() + ")");
        out.println("Status:      " + p.status().value() + ", validation " + p.validationStatus().value());
        out.println("Created:     " + OpsCommand.time(p.createdAt()) + ", updated " + OpsCommand.time(p.updatedAt()));
        if (p.validations() != null) {
            Table table = new Table("CHECK", "RESULT", "MESSAGE");
            for (Validation check : p.validations()) {
                table.row(check.checkType(), check.checkResult().name(), check.checkMessage());
            }
            table.print(out, "No checks.");
        }
    }
}
