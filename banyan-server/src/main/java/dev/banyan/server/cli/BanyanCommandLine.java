package dev.banyan.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ./banyan} command: runs the server, the guided demo, or the synthetic-city generator.
 * This is the main class of the executable jar.
 */
@Command(name = "banyan", mixinStandardHelpOptions = true, versionProvider = BanyanCommandLine.Version.class,
        description = {"Banyan — the public-data platform for city governments.", "榕树 Banyan：城市公共数据平台。"},
        subcommands = {DemoCommand.class, ServeCommand.class, GenerateCommand.class, IngestCommand.class, AuditCommand.class,
                LinkCli.class,
                BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class BanyanCommandLine implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        int exit = new CommandLine(new BanyanCommandLine()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(BanyanCommandLine::explain).execute(args);
        if (exit != 0) {
            System.exit(exit);
        }
    }

    /**
     * A command that fails on bad input or an unreachable server says what went wrong in one line, not a stack trace;
     * {@code BANYAN_DEBUG=1} shows the trace.
     */
    private static int explain(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        if (System.getenv("BANYAN_DEBUG") != null) {
            e.printStackTrace();
        }
        command.getErr().println("✘ " + command.getCommandName() + ": " + (e.getMessage() != null ? e.getMessage() : e.toString())
                + " / 命令失败");
        return 2;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Reads the version that the build recorded in {@code META-INF/build-info.properties}. */
    static final class Version implements CommandLine.IVersionProvider {

        @Override
        public String[] getVersion() throws IOException {
            Properties build = new Properties();
            try (InputStream in = BanyanCommandLine.class.getResourceAsStream("/META-INF/build-info.properties")) {
                if (in != null) {
                    build.load(in);
                }
            }
            return new String[] {"Banyan " + build.getProperty("build.version", "dev")
                    + " (built " + build.getProperty("build.time", "from sources") + ", Java " + Runtime.version() + ")"};
        }
    }
}
