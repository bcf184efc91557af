package io.polystore.ops;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command threw into one line on stderr and an exit code. The stack trace is printed only with
 * {@code --verbose}. Everything printed passes through the service's {@link OpsCommandLine#redact}.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {

    private final OpsCommandLine service;

    FailureHandler(OpsCommandLine service) {
        this.service = service;
    }

    @Override
    public int handleExecutionException(Exception thrown, CommandLine commandLine, ParseResult parsed) {
        Throwable failure = Failures.unwrap(thrown);
        int code = failure instanceof CliException cli ? cli.exitCode() : service.exitCode(failure);
        String message = failure instanceof CliException ? failure.getMessage() : service.describe(failure, code);
        PrintWriter err = commandLine.getErr();
        err.println("error: " + Terminal.escape(service.redact(message)));
        if (CommandLines.verbose(parsed)) {
            // exception messages deep in the trace may repeat a secret too
            StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            Terminal.escaping(err).append(service.redact(trace.toString())).flush();
        } else if (code == ExitCodes.FAILURE) {
            err.println("(run again with --verbose for the stack trace)");
        }
        err.flush();
        return code;
    }
}
