package vn.hoctap.platform;

import java.util.List;

import org.springframework.boot.ApplicationArguments;

/** Options of the database commands of bin/hoctap: {@code --name value} or {@code --name=value}. */
public final class CommandOptions {

    private CommandOptions() {
    }

    public static String option(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        if (values != null && !values.isEmpty()) {
            return values.get(0);
        }
        String[] raw = args.getSourceArgs();
        for (int i = 0; i < raw.length - 1; i++) {
            if (raw[i].equals("--" + name)) {
                return raw[i + 1];
            }
        }
        return null;
    }
}
