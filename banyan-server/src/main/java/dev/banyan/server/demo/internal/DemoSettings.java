package dev.banyan.server.demo.internal;

import dev.banyan.synthcity.Profile;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How big a city the demo generates, and whether the demo runs at start-up.
 *
 * @param run     run the demo steps when the server is ready ({@code ./banyan demo} sets it)
 * @param persons residents of the generated city
 * @param seed    generator seed; the same seed gives the same city
 * @param profile how messy the departments' data is
 */
@ConfigurationProperties("banyan.demo")
record DemoSettings(@DefaultValue("false") boolean run, @DefaultValue("20000") int persons,
                    @DefaultValue("20260101") long seed, @DefaultValue("NORMAL") Profile profile) {
}
