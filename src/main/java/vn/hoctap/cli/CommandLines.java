package vn.hoctap.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Runs a picocli command of {@code bin/hoctap} with the platform's conventions: exit code 0 done, 1 bad input
 * data, 2 bad usage; a usage mistake is printed in Vietnamese and English with the command's help.
 */
final class CommandLines {

    private CommandLines() {}

    static int execute(Object command, String[] args, PrintStream out, PrintStream err) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new java.io.OutputStreamWriter(err, StandardCharsets.UTF_8), true));
        cl.setParameterExceptionHandler((e, a) -> {
            CommandLine c = e.getCommandLine();
            c.getErr().println("Tham số không hợp lệ / invalid usage: " + e.getMessage());
            c.usage(c.getErr());
            return CommandLine.ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((e, c, p) -> {
            if (e instanceof Cli.UsageException) {
                c.getErr().println(e.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
            throw e;
        });
        return cl.execute(args);
    }
}
