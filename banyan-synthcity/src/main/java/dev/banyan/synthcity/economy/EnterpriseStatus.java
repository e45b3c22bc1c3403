package dev.banyan.synthcity.economy;

/** Registration status of a market entity (登记状态). */
public enum EnterpriseStatus {
    ACTIVE("存续（在营、开业、在册）"),
    CANCELLED("注销"),
    REVOKED("吊销，未注销"),
    MOVED_OUT("迁出");

    private final String chinese;

    EnterpriseStatus(String chinese) {
        this.chinese = chinese;
    }

    public String chinese() {
        return chinese;
    }
}
