package dev.banyan.server.catalog;

/**
 * Share type (共享类型: 无条件共享 / 有条件共享 / 不予共享) of a resource among government departments,
 * per 国发〔2016〕51号: sharing is the rule; conditional sharing states its conditions, and "not shared"
 * must cite the law or policy that forbids it.
 */
public enum ShareType {
    /** 无条件共享. */
    UNCONDITIONAL,
    /** 有条件共享: the conditions are required. */
    CONDITIONAL,
    /** 不予共享: the legal basis is required. */
    NOT_SHARED
}
