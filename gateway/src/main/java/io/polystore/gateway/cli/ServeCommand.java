package io.polystore.gateway.cli;

import io.quarkus.runtime.Quarkus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "serve", description = "Run the HTTP gateway until stopped (the default when no command is given).")
public class ServeCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        return serve();
    }

    static int serve() {
        Quarkus.waitForExit();
        return ExitCodes.OK;
    }
}
