package dev.banyan.server.catalog;

/** Published after a resource was created or changed (资源变更事件), once the change is committed. */
public record ResourceChanged(long resourceId, String code, ResourceStatus status) {
}
