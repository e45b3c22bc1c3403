package dev.banyan.server.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** Options shared by the commands that start the server. */
final class ServerOptions {

    @Option(names = "--port", description = "HTTP port (default 8080, or BANYAN_PORT) / 端口")
    Integer port;

    @Option(names = "--data-dir", description = "Where the embedded database and the city are kept (default ./data) / 数据目录")
    String dataDir;

    List<String> springArguments() {
        List<String> args = new ArrayList<>();
        if (port != null) {
            args.add("--server.port=" + port);
        }
        if (dataDir != null) {
            args.add("--banyan.data-dir=" + dataDir);
        }
        return args;
    }
}
