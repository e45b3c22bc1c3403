package dev.banyan.server.demo.internal;

import dev.banyan.server.demo.DemoAccount;
import dev.banyan.server.demo.DemoStep;
import dev.banyan.server.identity.DepartmentDirectory;
import dev.banyan.server.identity.UserAccounts;
import dev.banyan.server.platform.BanyanSettings;
import dev.banyan.server.platform.DatabaseInfo;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** The foundation's demo steps, and the run of all steps once the server is ready. */
@Configuration(proxyBeanMethods = false)
class DemoConfiguration {

    @Bean
    GenerateCityStep generateCityStep(DemoSettings demo, BanyanSettings settings) {
        return new GenerateCityStep(demo, settings.cityDir());
    }

    @Bean
    LoadDepartmentDatabaseStep loadDepartmentDatabaseStep(DatabaseInfo database, BanyanSettings settings) {
        boolean embedded = database.embedded();
        return new LoadDepartmentDatabaseStep(database, settings.cityDir(),
                embedded ? "postgres" : settings.db().user(), embedded ? "" : settings.db().password());
    }

    @Bean
    RegisterDepartmentsStep registerDepartmentsStep(DepartmentDirectory directory) {
        return new RegisterDepartmentsStep(directory);
    }

    @Bean
    CreateAccountsStep createAccountsStep(UserAccounts accounts, DepartmentDirectory departments) {
        return new CreateAccountsStep(accounts, departments);
    }

    @Bean
    SignCheckpointStep signCheckpointStep(dev.banyan.server.audit.EvidenceLog evidenceLog) {
        return new SignCheckpointStep(evidenceLog);
    }

    @Bean
    DemoLauncher demoLauncher(DemoSettings demo, ObjectProvider<DemoStep> steps, DatabaseInfo database,
                              BanyanSettings settings, UserAccounts accounts) {
        return new DemoLauncher(demo, steps, database, settings, new DemoLogins(accounts));
    }

    /** Runs the demo when the server is ready, then prints where to sign in. */
    static final class DemoLauncher {

        private final DemoSettings demo;
        private final ObjectProvider<DemoStep> steps;
        private final DatabaseInfo database;
        private final BanyanSettings settings;
        private final DemoLogins logins;

        DemoLauncher(DemoSettings demo, ObjectProvider<DemoStep> steps, DatabaseInfo database, BanyanSettings settings,
                     DemoLogins logins) {
            this.demo = demo;
            this.steps = steps;
            this.database = database;
            this.settings = settings;
            this.logins = logins;
        }

        @EventListener
        @org.springframework.core.annotation.Order(0)
        void onReady(ApplicationReadyEvent event) throws Exception {
            if (!demo.run()) {
                return;
            }
            var out = System.out;
            try {
                new DemoRunner(steps.orderedStream().toList(), out).runAll();
            } catch (Exception e) {
                ConfigurableApplicationContext context = event.getApplicationContext();
                out.println("The demo stopped; the log is in " + settings.dataDir().resolve("logs/banyan.log")
                        + " / 演示中止，日志见上述文件。");
                context.close();
                throw e;
            }
            int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                    ? web.getWebServer().getPort() : 8080;
            out.println();
            out.println("Banyan is ready / Banyan 已就绪:  http://localhost:" + port + "/");
            out.println("  API docs / 接口文档:         http://localhost:" + port + "/swagger-ui.html");
            out.println("  Evidence log / 存证日志:     http://localhost:" + port + "/audit-log/checkpoint  "
                    + "(./banyan audit verify --url http://localhost:" + port + ")");
            out.println("  Database / 数据库:           " + database.jdbcUrl() + " (user " + database.user() + ")");
            logins.lines().forEach(out::println);
            out.println("Press Ctrl+C to stop / 按 Ctrl+C 停止。");
        }

        List<DemoAccount> accounts() {
            return DemoAccounts.printed();
        }
    }
}
