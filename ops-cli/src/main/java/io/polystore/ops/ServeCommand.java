package io.polystore.ops;

import io.quarkus.runtime.Quarkus;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** List it among the root command's subcommands: the launcher has already started the HTTP server for it. */
@Command(name = "serve", description = "Run the HTTP server until stopped (the default when no command is given).")
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
