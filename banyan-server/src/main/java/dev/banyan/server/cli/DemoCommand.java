package dev.banyan.server.cli;

import dev.banyan.server.BanyanApplication;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code banyan demo}: the server on the embedded database, loaded with the synthetic city, ready to explore. */
@Command(name = "demo", description = {
        "Run Banyan with the synthetic city Rongcheng: generate it if needed, register departments and demo accounts, serve the console.",
        "以模拟城市榕城运行 Banyan：按需生成数据，登记部门和演示账号，启动控制台。"})
final class DemoCommand implements Callable<Integer> {

    @Mixin
    ServerOptions options = new ServerOptions();

    @Option(names = "--persons", description = "Residents of the city when it is generated (default 20000) / 人口规模")
    Integer persons;

    @Override
    public Integer call() {
        List<String> args = new ArrayList<>(options.springArguments());
        args.add("--banyan.demo.run=true");
        // The terminal shows the demo's progress; the full structured log goes to data/logs.
        args.add("--logging.threshold.console=WARN");
        if (persons != null) {
            args.add("--banyan.demo.persons=" + persons);
        }
        System.out.println("Starting Banyan … / 正在启动 Banyan …");
        SpringApplication.run(BanyanApplication.class, args.toArray(String[]::new));
        return 0;
    }
}
