package dev.banyan.server.share;

import dev.banyan.server.identity.UserAccount;
import java.util.List;
import java.util.Optional;

/**
 * Applications to use data services and the decisions on them (共享申请与审批). An application for an unconditionally
 * shared resource is approved at once; a conditional one goes to the owner's chief data officer, who approves (a
 * grant is made) or rejects it with a reason within ten working days (《政务信息资源共享管理暂行办法》 art. 13).
 */
public interface ShareApplications {

    /**
     * Files an application for the applicant's department, for one of its machine clients.
     *
     * @throws dev.banyan.server.platform.InvalidInputException naming every problem; nothing is filed then
     */
    ShareApplication apply(NewApplication application, UserAccount applicant);

    /** Approves a pending application, making its grant; only the owner's chief data officer or the administrator. */
    Grant approve(long applicationId, UserAccount decider, String reason);

    /** Rejects a pending application with a reason; only the owner's chief data officer or the administrator. */
    ShareApplication reject(long applicationId, UserAccount decider, String reason);

    Optional<ShareApplication> find(long id);

    /** Applications filed by a department (as consumer) or waiting for it (as owner), newest first. */
    List<ShareApplication> ofDepartment(long departmentId);

    /** Every application, newest first, at most {@code limit}. */
    List<ShareApplication> all(int limit);
}
