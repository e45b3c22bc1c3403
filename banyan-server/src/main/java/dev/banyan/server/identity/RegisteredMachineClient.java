package dev.banyan.server.identity;

/**
 * The result of registering a machine client: the client and its secret, which is shown this once and
 * cannot be recovered afterwards.
 */
public record RegisteredMachineClient(MachineClient client, String secret) {

    @Override
    public String toString() {
        return "RegisteredMachineClient[client=" + client.clientId() + ", secret=******]";
    }
}
