package vn.hoctap.platform;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Runs a picocli command of {@code bin/hoctap} with the platform's conventions: exit code 0 done, 1 bad input
 * data, 2 bad usage; a usage mistake is printed in Vietnamese and English with the command's help. Plain Java
 * (picocli only), so the pure command-line tools use it too.
 */
public final class CommandLines {

    private CommandLines() {}

    /** A usage mistake found after parsing (a value of the wrong form): the message says what to fix; exit code 2. */
    public static class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }

    /** Parses {@code args} into {@code command} (a picocli {@code @Command} that is a {@code Callable<Integer>}) and runs it. */
    public static int execute(Object command, String[] args, PrintStream out, PrintStream err) {
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
            if (e instanceof UsageException) {
                c.getErr().println(e.getMessage());
                return CommandLine.ExitCode.USAGE;
            }
            throw e;
        });
        return cl.execute(args);
    }
}
