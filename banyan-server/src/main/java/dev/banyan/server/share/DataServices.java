package dev.banyan.server.share;

import dev.banyan.server.identity.UserAccount;
import java.util.List;
import java.util.Optional;

/**
 * The register of data services (服务目录): definitions are validated against the catalog and the STANDARD zone and
 * published as new versions; the current version is what the gateway serves.
 */
public interface DataServices {

    /**
     * Reads a definition written as JSON or YAML.
     *
     * @throws dev.banyan.server.platform.InvalidInputException naming the line and what is wrong
     */
    ServiceDefinition parse(String jsonOrYaml);

    /**
     * Checks a definition and publishes it as the service's next version. Only the platform administrator and the
     * staff of the department that provides the resource may publish its services.
     *
     * @throws dev.banyan.server.platform.InvalidInputException naming every problem; nothing is published then
     */
    DataService publish(ServiceDefinition definition, UserAccount publisher);

    /** Retires a service: calls are refused from now on; its versions stay for the record. */
    void retire(String code, UserAccount actor, String reason);

    /** The current (published) version of a service. */
    Optional<DataService> current(String code);

    /** Every version of a service, newest first. */
    List<DataService> versions(String code);

    /** The current version of every published service, by code. */
    List<DataService> published();
}
