package dev.banyan.server.demo.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

@ConfigurationProperties("banyan.demo")
record DemoSettings(@DefaultValue("false") boolean run, @DefaultValue("20000") int persons) {
}
