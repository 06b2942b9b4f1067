package org.ecabinet.identity;

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
