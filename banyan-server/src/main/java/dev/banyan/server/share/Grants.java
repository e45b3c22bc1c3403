package dev.banyan.server.share;

import dev.banyan.server.identity.UserAccount;
import java.util.List;
import java.util.Optional;

/** The grants in force and past (授权管理): revocation and renewal, and what a client may call now. */
public interface Grants {

    Optional<Grant> find(long id);

    /** The grant that lets this client call this service now, if any. */
    Optional<Grant> live(String clientId, String serviceCode);

    /** Grants of a consumer department, or on services a department owns, newest first. */
    List<Grant> ofDepartment(long departmentId);

    List<Grant> all(int limit);

    /** Revokes a grant: its client's next call is refused. The owner's staff, the consumer's CDO or the administrator. */
    Grant revoke(long grantId, UserAccount actor, String reason);

    /** Extends a live or expired (not revoked) grant by so many days from now or from its expiry, whichever is later. */
    Grant renew(long grantId, UserAccount actor, int days);
}
