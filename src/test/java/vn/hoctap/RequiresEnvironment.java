package vn.hoctap;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * What a test needs from the machine beyond Java and Maven. On a newcomer's machine without it the test does not
 * run and says so loudly; with {@code -Dhoctap.tests.require-environment=true} (what {@code .ci/run} sets) it always
 * runs, so a missing tool fails it: CI can never go green by leaving these tests out.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
@ExtendWith(RequiresEnvironment.Condition.class)
public @interface RequiresEnvironment {

    Need[] value();

    enum Need {
        /** Debian's chromium and chromium-driver, for the browser tests. */
        CHROMIUM("Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)") {
            @Override
            boolean present() {
                return Files.isExecutable(Path.of("/usr/bin/chromium")) && Files.isExecutable(Path.of("/usr/bin/chromedriver"));
            }
        },
        /** The machine's PostgreSQL service at 127.0.0.1:5432 (trust auth, database test). */
        POSTGRESQL_SERVICE("the PostgreSQL service at 127.0.0.1:5432 (pg_ctlcluster --skip-systemctl-redirect "
                + "$(ls /etc/postgresql) main start)") {
            @Override
            boolean present() {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", 5432), 500);
                    return true;
                } catch (java.io.IOException e) {
                    return false;
                }
            }
        },
        /** LibreOffice, to open generated office documents as a user would. */
        LIBREOFFICE("LibreOffice (apt-get install libreoffice-writer-nogui)") {
            @Override
            boolean present() {
                return Files.isExecutable(Path.of("/usr/bin/libreoffice")) || Files.isExecutable(Path.of("/usr/bin/soffice"));
            }
        };

        final String howToGet;

        Need(String howToGet) {
            this.howToGet = howToGet;
        }

        abstract boolean present();
    }

    /** Evaluates the needs of the annotated class. */
    class Condition implements ExecutionCondition {
        static final String REQUIRE = "hoctap.tests.require-environment";

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            List<String> missing = new ArrayList<>();
            context.getElement().flatMap(e -> AnnotationSupport.findAnnotation(e, RequiresEnvironment.class))
                    .ifPresent(a -> {
                        for (Need n : a.value()) {
                            if (!n.present()) missing.add(n.howToGet);
                        }
                    });
            if (missing.isEmpty() || Boolean.getBoolean(REQUIRE)) {
                return ConditionEvaluationResult.enabled("environment present or required");
            }
            String why = "NOT RUN on this machine — " + context.getDisplayName() + " needs " + String.join("; ", missing)
                    + ". CI (.ci/run, -D" + REQUIRE + "=true) runs it and fails when that is missing.";
            System.err.println("\n*** " + why + "\n");
            return ConditionEvaluationResult.disabled(why);
        }
    }
}
