package dev.banyan.server.catalog;

/** How a demand request is answered (需求答复: 使用已有资源 / 承诺发布 / 不予提供). */
public enum DemandAnswerKind {
    /** 使用已有资源: an existing published resource already serves the need. */
    USE_EXISTING,
    /** 承诺发布: the owner will publish the data by a date. */
    WILL_PUBLISH,
    /** 不予提供: refused, with the legal reason. */
    REFUSED
}
