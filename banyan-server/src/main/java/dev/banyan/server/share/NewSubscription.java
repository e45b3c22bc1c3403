package dev.banyan.server.share;

import java.util.List;

/**
 * What a consumer asks for when it subscribes: which of its grants (its service and resource), where to send the
 * events, and optionally which rows only.
 *
 * @param url         {@code https://…}; {@code http://} only to a loopback address, or anywhere when
 *                    {@code banyan.share.webhooks.allow-http=true}
 * @param conditions  e.g. only deaths of one cause; fields of the service's output
 * @param description what the consumer does with the events, shown in the console
 */
public record NewSubscription(long grantId, String url, List<RowCondition> conditions, String description) {

    public NewSubscription {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }
}
