package io.polystore.mandate.cli;

import io.polystore.ops.OpsCommandLine;
import io.polystore.ops.OpsMain;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import picocli.CommandLine;

/** One binary for the service and its ops command line ({@link OpsMain}): no arguments or {@code serve} serve HTTP. */
@QuarkusMain
public class MandateServiceMain implements QuarkusApplication {

    static final OpsCommandLine COMMAND_LINE = new MandateCommandLine();

    private final CommandLine.IFactory factory;

    MandateServiceMain(CommandLine.IFactory factory) {
        this.factory = factory;
    }

    public static void main(String... args) {
        OpsMain.main(MandateServiceMain.class, COMMAND_LINE, args);
    }

    @Override
    public int run(String... args) {
        return OpsMain.run(factory, COMMAND_LINE, args);
    }
}
