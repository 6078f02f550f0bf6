package org.sangdam.b2bua.domain;

/** One SIP leg: INVITE sent and not yet answered, answered, or gone. */
public enum LegState { NONE, RINGING, UP, ENDED }
