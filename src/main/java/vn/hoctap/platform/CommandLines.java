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

    /**
     * A count given on the command line: a whole number from 1 to 999,999,999, digits grouped with {@code _} allowed
     * ({@code 8_700_000}); anything else is a usage mistake that names the option.
     */
    public static final class PositiveWholeNumber implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n = WholeNumber.parse(value, "cần một số nguyên dương / a positive whole number");
            if (n < 1) throw new CommandLine.TypeConversionException("cần một số nguyên dương / a positive whole number: '" + value + "'");
            return n;
        }
    }

    /** As {@link PositiveWholeNumber}, 0 allowed (a seed). */
    public static final class WholeNumber implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return parse(value, "cần một số nguyên không âm / a whole number");
        }

        static int parse(String value, String what) {
            String v = value.replace("_", "");
            if (!v.matches("\\d{1,9}")) {
                throw new CommandLine.TypeConversionException(what + ": '" + value + "'");
            }
            return Integer.parseInt(v);
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
