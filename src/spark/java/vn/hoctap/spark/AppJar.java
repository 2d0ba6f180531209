package vn.hoctap.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The application jar for {@code spark-submit} (docs/spark.md, "On a cluster"): what the driver and the executors need
 * beyond a Spark 4.x distribution, and no Spark, Scala or Hadoop class.
 * <ul>
 *   <li>the Spark commands (target/spark-classes), the register classes they use (target/classes, with the rule and
 *       indicator files among its resources) and the SQL generator whose column order they check
 *       (target/bench-classes): wherever the classes of {@link SparkMain}, {@link vn.hoctap.standards.core.RuleSet}
 *       and {@code vn.hoctap.analytics.SqlQuery} were loaded from;</li>
 *   <li>the libraries of those classes that a Spark distribution does not have, unpacked: picocli (the command line)
 *       and Jackson 3 ({@code tools.jackson}, the JSON of {@code --json}; Spark carries Jackson 2 only).</li>
 * </ul>
 * {@code Main-Class} is {@link SparkMain}, so {@code spark-submit} needs no {@code --class}. The production jar is not
 * touched.
 */
public final class AppJar {
    private AppJar() {
    }

    /** Class folders or jars whose whole content goes in: the Spark commands, the platform's classes, the SQL generator. */
    static List<Path> applicationRoots() {
        return List.of(codeSource(SparkMain.class), codeSource(vn.hoctap.standards.core.RuleSet.class), codeSource(vn.hoctap.analytics.SqlQuery.class));
    }

    /** Libraries unpacked into the jar: picocli, Jackson 3 core and databind. */
    static List<Path> libraries() {
        return List.of(codeSource(picocli.CommandLine.class), codeSource(tools.jackson.core.JsonParser.class),
                codeSource(tools.jackson.databind.ObjectMapper.class));
    }

    static Path codeSource(Class<?> c) {
        try {
            return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What was written. */
    public record Summary(Path jar, int entries, long bytes, List<Path> from) {
    }

    /** Writes the application jar to {@code out} (replacing it). */
    public static Summary write(Path out) throws IOException {
        List<Path> from = new ArrayList<>(new java.util.LinkedHashSet<>(applicationRoots()));
        from.addAll(libraries());
        // name → bytes, first one wins except META-INF/services, which are concatenated
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (Path root : from) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                        add(entries, root.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(root.toFile())) {
                    for (JarEntry e : (Iterable<JarEntry>) jar.stream()::iterator) {
                        if (e.isDirectory()) continue;
                        try (InputStream in = jar.getInputStream(e)) {
                            add(entries, e.getName(), in.readAllBytes());
                        }
                    }
                }
            }
        }
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, SparkMain.class.getName());
        mf.getMainAttributes().putValue("Created-By", "bin/hoctap spark package");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        java.util.Set<String> dirs = new java.util.HashSet<>();
        try (OutputStream os = Files.newOutputStream(tmp); JarOutputStream jar = new JarOutputStream(os, mf)) {
            for (var e : entries.entrySet()) {
                String name = e.getKey();
                for (int i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
                    String dir = name.substring(0, i + 1);
                    if (dirs.add(dir)) {
                        jar.putNextEntry(new JarEntry(dir));
                        jar.closeEntry();
                    }
                }
                jar.putNextEntry(new JarEntry(name));
                jar.write(e.getValue());
                jar.closeEntry();
            }
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return new Summary(out, entries.size(), Files.size(out), from);
    }

    private static void add(Map<String, byte[]> entries, String name, byte[] bytes) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        // the libraries' own manifests, signatures, module descriptors and Java-version-specific classes stay out: the
        // jar is one plain class path entry (not multi-release, not a module); the base classes run on Java 17
        if (upper.equals("META-INF/MANIFEST.MF") || name.endsWith("module-info.class") || upper.startsWith("META-INF/VERSIONS/")
                || (upper.startsWith("META-INF/") && (upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA")))) {
            return;
        }
        byte[] old = entries.get(name);
        if (old == null) {
            entries.put(name, bytes);
        } else if (name.startsWith("META-INF/services/")) {
            byte[] both = new byte[old.length + 1 + bytes.length];
            System.arraycopy(old, 0, both, 0, old.length);
            both[old.length] = '\n';
            System.arraycopy(bytes, 0, both, old.length + 1, bytes.length);
            entries.put(name, both);
        }
    }
}
