package org.sangdam.user.domain;

/** The three kinds of user (R1): names are the security roles too. */
public enum Role {
    /** 전체 관리: the installation's operator; belongs to no service */
    SYSTEM_ADMIN,
    /** 서비스 관리: administers one service */
    SERVICE_ADMIN,
    /** 상담원: answers customers of one service */
    AGENT
}
