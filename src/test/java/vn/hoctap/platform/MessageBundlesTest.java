package vn.hoctap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The Vietnamese and English bundles have the same keys, and every key a page uses exists. A module may
 * keep its own bundle ({@code <module>/messages.properties} next to {@code messages_en.properties}); every
 * such bundle must be listed in {@code spring.messages.basename}, and a key must not be in two bundles.
 */
class MessageBundlesTest {

    /** The Vietnamese bundles: messages.properties and every module's one. */
    static List<String> bundles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
            return files.filter(f -> f.getFileName().toString().equals("messages.properties"))
                    .map(f -> Path.of("src/main/resources").relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    static Properties loadAll(String suffix) throws IOException {
        Properties all = new Properties();
        for (String b : bundles()) {
            Properties p = load(b.replace(".properties", suffix + ".properties"));
            for (String k : p.stringPropertyNames()) {
                assertThat(all.containsKey(k)).as("key " + k + " is in two bundles").isFalse();
                all.setProperty(k, p.getProperty(k));
            }
        }
        return all;
    }

    @Test
    void everyBundleIsConfigured() throws IOException {
        Properties app = load("application.properties");
        List<String> configured = List.of(app.getProperty("spring.messages.basename").split("\\s*,\\s*"));
        for (String b : bundles()) {
            assertThat(configured).as("spring.messages.basename").contains(b.replace(".properties", ""));
        }
    }

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = new InputStreamReader(MessageBundlesTest.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void bundlesHaveTheSameKeys() throws IOException {
        Set<String> vi = new TreeSet<>(loadAll("").stringPropertyNames());
        Set<String> en = new TreeSet<>(loadAll("_en").stringPropertyNames());
        assertThat(en).as("keys missing in English").containsAll(vi);
        assertThat(vi).as("keys missing in Vietnamese").containsAll(en);
    }

    @Test
    void noMessageIsEmpty() throws IOException {
        for (String bundle : new String[] {"", "_en"}) {
            Properties p = loadAll(bundle);
            for (String k : p.stringPropertyNames()) {
                assertThat(p.getProperty(k)).as(bundle + ": " + k).isNotBlank();
            }
        }
    }

    /**
     * A message with arguments is formatted by {@link java.text.MessageFormat}, where a lone apostrophe starts quoted
     * text: "The contract's default ({2})" would print "The contracts default ({2})" with the argument left out. Such
     * messages write an apostrophe twice ('').
     */
    @Test
    void messagesWithArgumentsKeepTheirApostrophesAndArguments() throws IOException {
        for (String bundle : new String[] {"", "_en"}) {
            Properties p = loadAll(bundle);
            for (String k : p.stringPropertyNames()) {
                String v = p.getProperty(k);
                java.util.regex.Matcher args = java.util.regex.Pattern.compile("\\{(\\d)").matcher(v);
                int most = -1;
                while (args.find()) {
                    most = Math.max(most, Integer.parseInt(args.group(1)));
                }
                if (most < 0) {
                    continue;
                }
                // each argument a number no text contains (a {n,number} argument takes it as well as a plain {n})
                Object[] values = new Object[most + 1];
                for (int i = 0; i <= most; i++) {
                    values[i] = 987_650 + i;
                }
                String out = new java.text.MessageFormat(v, java.util.Locale.ROOT).format(values).replace(",", "");
                for (int i = 0; i <= most; i++) {
                    if (v.contains("{" + i + "}") || v.contains("{" + i + ",number")) {
                        assertThat(out).as(bundle + ": " + k).contains(String.valueOf(987_650 + i));
                    }
                }
                assertThat(out.chars().filter(ch -> ch == '\'').count()).as(bundle + ": " + k + " (write '' for an apostrophe)")
                        .isEqualTo(v.replace("''", "'").chars().filter(ch -> ch == '\'').count());
            }
        }
    }

    @Test
    void vietnameseIsWrittenWithDiacritics() throws IOException {
        Properties vi = load("messages.properties");
        assertThat(vi.getProperty("login.title")).isEqualTo("Đăng nhập");
        assertThat(vi.getProperty("units.title")).isEqualTo("Đơn vị hành chính");
    }

    @Test
    void everyKeyUsedByTemplatesAndCodeExists() throws IOException {
        Set<String> keys = loadAll("").stringPropertyNames();
        Pattern template = Pattern.compile("#\\{([a-z][a-zA-Z0-9._-]+)");
        // keys named in Java code: "error.x", or "<area>.error.x" / "<area>.import.x"
        Pattern code = Pattern.compile("\"((?:[a-z]+\\.(?:error|import)|error)\\.[a-z][a-zA-Z0-9.-]*)\"");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/resources/templates")),
                Files.walk(Path.of("src/main/java")))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(f);
                Matcher m = (f.toString().endsWith(".html") ? template : code).matcher(text);
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(keys).containsAll(used);
    }
}
