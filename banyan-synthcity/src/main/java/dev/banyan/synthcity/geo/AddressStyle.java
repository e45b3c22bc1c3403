package dev.banyan.synthcity.geo;

/** How a department writes addresses (地址书写习惯); the same dwelling looks different in every system. */
public enum AddressStyle {
    /** 福建省福州市鼓楼区鼓东街道五四路158号融侨花园3座1203室 */
    FULL,
    /** 福州市鼓楼区五四路158号融侨花园3号楼1203室 */
    CITY,
    /** 鼓楼区融侨花园3#1203 — the short form people write on forms */
    COMPOUND,
    /** 鼓楼区鼓东街道三牧坊社区五四路158号3-1203 — the civil-affairs form with the community */
    COMMUNITY
}
