package dev.banyan.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Banyan server: one Spring Boot application whose top-level packages are the capabilities
 * (modules) of the platform. Module boundaries are verified by Spring Modulith.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BanyanApplication {

    public static void main(String[] args) {
        SpringApplication.run(BanyanApplication.class, args);
    }
}
