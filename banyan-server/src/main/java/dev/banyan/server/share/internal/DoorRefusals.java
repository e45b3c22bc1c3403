package dev.banyan.server.share.internal;

import dev.banyan.server.identity.ApiAccessRefused;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Puts on record the service calls refused at the door — without a token, or with one expired, revoked or forged —
 * which never reach the gateway, so that the call log shows every attempt on a service.
 */
@Component
class DoorRefusals {

    private final ServiceGateway gateway;

    DoorRefusals(ServiceGateway gateway) {
        this.gateway = gateway;
    }

    @EventListener
    void on(ApiAccessRefused refused) {
        if (refused.path().startsWith(GatewayEndpoint.PATH)) {
            String code = refused.path().substring(GatewayEndpoint.PATH.length());
            int slash = code.indexOf('/');
            gateway.refusedAtTheDoor(slash < 0 ? code : code.substring(0, slash), null, 401, refused.reason());
        }
    }
}
