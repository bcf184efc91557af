package io.polystore.payment.cli;

import io.polystore.ops.OpsCommandLine;
import io.polystore.ops.OpsMain;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import picocli.CommandLine;

/** One binary for the service and its ops command line ({@link OpsMain}): no arguments or {@code serve} serve HTTP. */
@QuarkusMain
public class PaymentServiceMain implements QuarkusApplication {

    static final OpsCommandLine COMMAND_LINE = new PaymentCommandLine();

    private final CommandLine.IFactory factory;

    PaymentServiceMain(CommandLine.IFactory factory) {
        this.factory = factory;
    }

    public static void main(String... args) {
        OpsMain.main(PaymentServiceMain.class, COMMAND_LINE, args);
    }

    @Override
    public int run(String... args) {
        return OpsMain.run(factory, COMMAND_LINE, args);
    }
}
