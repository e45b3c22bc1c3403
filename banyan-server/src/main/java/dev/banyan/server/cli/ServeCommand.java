package dev.banyan.server.cli;

import dev.banyan.server.BanyanApplication;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code banyan serve}: runs the server on the configured database. */
@Command(name = "serve", description = {"Run the Banyan server.", "运行 Banyan 服务。"})
final class ServeCommand implements Callable<Integer> {

    @Mixin
    ServerOptions options = new ServerOptions();

    @Override
    public Integer call() {
        SpringApplication.run(BanyanApplication.class, options.springArguments().toArray(String[]::new));
        return 0;
    }
}
