package org.parallax.app.cli;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import java.lang.reflect.Constructor;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.parallax.app.boot.DatabasePreflight;
import org.parallax.app.boot.DatabaseSettings;
import picocli.CommandLine;

/**
 * The one jar's entry point. Before Quarkus starts it decides what the command needs: {@code serve}
 * needs the database and the HTTP port, {@code ingest} only the database, {@code extract} neither (it
 * runs without starting Quarkus at all).
 */
@QuarkusMain
public class ParallaxMain implements QuarkusApplication {

    /** Commands that run beside a server on the same machine: they must not take its port or load seeds. */
    private static final Set<String> NON_SERVING_COMMANDS = Set.of("extract", "ingest", "create-admin", "group");
    private static final Set<String> HELP = Set.of("-h", "--help", "help", "-V", "--version");
    private static final Set<String> HELP_OPTIONS = Set.of("-h", "--help", "-V", "--version");

    /** Set before anything touches {@link java.util.concurrent.ForkJoinPool}: the common pool reads it once. */
    static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    @Inject
    CommandLine.IFactory factory;

    public static void main(String... args) {
        // Lingua scores every text on the common pool and waits for it. The JVM sizes that pool to one thread
        // fewer than the cores, so on two cores every ingest thread queued for one worker: 352 articles/s on
        // Reuters-21578 where one worker per core gives 391-421 (docs/benchmarks.md).
        if (System.getProperty(COMMON_POOL_PARALLELISM) == null) {
            System.setProperty(COMMON_POOL_PARALLELISM, String.valueOf(Runtime.getRuntime().availableProcessors()));
        }
        String command = args.length == 0 ? "serve" : args[0];
        // Help, for the program or a command ("group --help"), needs neither the database nor Quarkus.
        if (HELP.contains(command) || Arrays.stream(args).anyMatch(HELP_OPTIONS::contains)) {
            System.exit(helpCommandLine().execute(args));
        }
        if ("extract".equals(command)) {
            // Extraction needs neither the database nor the container: run it without starting Quarkus.
            System.exit(new CommandLine(new ExtractCommand()).execute(Arrays.copyOfRange(args, 1, args.length)));
        }
        commandProperties(command).forEach(System::setProperty);
        try {
            DatabasePreflight.ensureDatabase(DatabaseSettings.resolve(System.getProperties(), System.getenv()));
        } catch (DatabasePreflight.Unavailable e) {
            System.err.println(e.getMessage());
            System.exit(2);
        }
        Quarkus.run(ParallaxMain.class, args.length == 0 ? new String[] {"serve"} : args);
    }

    /** The command line for help and version output only: its commands are never run. */
    static CommandLine helpCommandLine() {
        return new CommandLine(ParallaxCommand.class, new HelpOnlyFactory());
    }

    /**
     * Creates commands for their help text, without Quarkus: a command whose constructor takes services gets
     * nulls, which its help never touches (the options and their defaults are fields).
     */
    private static final class HelpOnlyFactory implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            Constructor<?>[] constructors = type.getConstructors();
            if (constructors.length != 1 || constructors[0].getParameterCount() == 0) {
                return CommandLine.defaultFactory().create(type);
            }
            return type.cast(constructors[0].newInstance(new Object[constructors[0].getParameterCount()]));
        }
    }

    /**
     * The system properties a command runs with, on top of the configuration. A command that is not
     * {@code serve} opens no HTTP port (so it runs while a server holds 8080), loads no seeds (which would
     * also group every queued article before the command starts), has no pre-shutdown delay (it lets load
     * balancers drain a server; a command has nothing to drain) and logs warnings only, unless told otherwise.
     */
    static Map<String, String> commandProperties(String command) {
        if (!NON_SERVING_COMMANDS.contains(command)) {
            return Map.of();
        }
        return Map.of("quarkus.http.host-enabled", "false",
                "parallax.seeds.load-on-start", "false",
                "quarkus.shutdown.delay", "0S",
                "quarkus.log.level", System.getProperty("quarkus.log.level", "WARN"));
    }

    @Override
    public int run(String... args) {
        return new CommandLine(ParallaxCommand.class, factory).execute(args);
    }
}
