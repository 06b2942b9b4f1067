package org.ecabinet.events.account;

/** What a user may do; granted and withdrawn by an administrator ({@link UserRolesChanged}). */
public enum Role {
    /** thành viên Chính phủ */
    MEMBER,
    /** chủ tọa */
    CHAIR,
    /** Văn phòng Chính phủ */
    SECRETARIAT,
    /** văn thư of one agency */
    AGENCY_CLERK,
    AUDITOR,
    ADMIN
}
