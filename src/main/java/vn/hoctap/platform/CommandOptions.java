package vn.hoctap.platform;

import java.util.Arrays;

import org.springframework.boot.ApplicationArguments;

/**
 * The arguments of a database command of bin/hoctap ({@code import}, {@code indicators}: the application started without
 * its web server) for its picocli options ({@link CommandLines#execute}): the command line after the command's name.
 */
public final class CommandOptions {

    private CommandOptions() {
    }

    /** The arguments after the command's name ({@code bin/hoctap import --register f --year 2025} → the options). */
    public static String[] after(ApplicationArguments args, String command) {
        String[] raw = args.getSourceArgs();
        return raw.length > 0 && raw[0].equals(command) ? Arrays.copyOfRange(raw, 1, raw.length) : raw;
    }
}
