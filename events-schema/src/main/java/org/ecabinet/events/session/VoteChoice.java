package org.ecabinet.events.session;

public enum VoteChoice { FOR, AGAINST, ABSTAIN }
